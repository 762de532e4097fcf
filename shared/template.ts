/**
 * The template contract: every tab, column and allowed value of a plan workbook, defined once.
 *
 * Everything that knows about tabs and columns (the parser, the checks, the add-on's "Insert templates",
 * the example workbook, the docs) reads this file. Never spell a header or a tab name anywhere else.
 */

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

/** A text in both languages the product speaks. */
export interface Bilingual {
  en: string;
  'zh-CN': string;
}

export const bi = (en: string, zh: string): Bilingual => ({ en, 'zh-CN': zh });

/** How a cell is read. */
export type ColumnKind =
  | 'id' // a short identifier, unique within the tab
  | 'text'
  | 'ref' // the ID of a row in another tab (or a department name)
  | 'refs' // a comma-separated list of IDs
  | 'number'
  | 'ratio' // a number where "20%" and 0.2 mean the same
  | 'date'
  | 'enum'
  | 'color';

export type EnumKey = keyof typeof ENUMS;

export interface ColumnDef {
  key: string;
  label: Bilingual;
  kind: ColumnKind;
  /** A missing required column is an error; a missing optional one only a warning. */
  required: boolean;
  enumKey?: EnumKey;
  /** Shown as a note on the header cell and in docs/template.md. */
  note: Bilingual;
}

export type TabKey =
  | 'strategy'
  | 'departments'
  | 'objectives'
  | 'keyResults'
  | 'kpis'
  | 'roadmap'
  | 'actuals'
  | 'changes'
  | 'targets';

export interface TabDef {
  key: TabKey;
  label: Bilingual;
  /** A plan cannot be read without it (error) or can do without it (warning), or it is optional (no issue). */
  presence: 'required' | 'recommended' | 'optional';
  columns: ColumnDef[];
  note: Bilingual;
}

/** Allowed values of enum columns. The first label of each value is the canonical one written by the add-on. */
export const ENUMS = {
  type: {
    cumulative: bi('cumulative', '累计'),
    level: bi('level', '水平'),
    threshold: bi('threshold', '阈值'),
    milestone: bi('milestone', '里程碑'),
  },
  direction: {
    increase: bi('increase', '提升'),
    decrease: bi('decrease', '降低'),
  },
  phasing: {
    even: bi('even', '平均'),
    'ramp-up': bi('ramp-up', '逐步提升'),
    'front-loaded': bi('front-loaded', '前高后低'),
    custom: bi('custom', '自定义'),
  },
  cadence: {
    monthly: bi('monthly', '每月'),
    weekly: bi('weekly', '每周'),
  },
  roadmapStatus: {
    planned: bi('planned', '计划中'),
    'in-progress': bi('in progress', '进行中'),
    done: bi('done', '已完成'),
    blocked: bi('blocked', '受阻'),
  },
  targetsRow: {
    target: bi('target', '目标'),
    weights: bi('weights', '权重'),
  },
} as const satisfies Record<string, Record<string, Bilingual>>;

export type MetricType = keyof typeof ENUMS.type;
export type Direction = keyof typeof ENUMS.direction;
export type Phasing = keyof typeof ENUMS.phasing;
export type Cadence = keyof typeof ENUMS.cadence;
export type RoadmapStatus = keyof typeof ENUMS.roadmapStatus;
export type TargetsRowKind = keyof typeof ENUMS.targetsRow;

const col = (
  key: string,
  en: string,
  zh: string,
  kind: ColumnKind,
  required: boolean,
  note: Bilingual,
  enumKey?: EnumKey,
): ColumnDef => ({ key, label: bi(en, zh), kind, required, note, ...(enumKey ? { enumKey } : {}) });

/** The rows of the Strategy tab (a two-column Field / Value list rather than a table). */
export const STRATEGY_FIELDS = [
  { key: 'product', label: bi('Product', '产品'), kind: 'text', question: false },
  { key: 'vision', label: bi('Vision', '愿景'), kind: 'text', question: false },
  { key: 'strategy', label: bi('Strategy', '战略'), kind: 'text', question: false },
  { key: 'targetUsers', label: bi('Target users', '目标用户'), kind: 'text', question: true },
  { key: 'problem', label: bi('Problem & benefit', '痛点与价值'), kind: 'text', question: true },
  { key: 'category', label: bi('Category & differentiation', '品类与差异化'), kind: 'text', question: true },
  { key: 'businessGoal', label: bi('Business goal', '商业目标'), kind: 'text', question: true },
  { key: 'periodStart', label: bi('Period start', '周期开始'), kind: 'date', question: false },
  { key: 'periodEnd', label: bi('Period end', '周期结束'), kind: 'date', question: false },
  { key: 'currency', label: bi('Currency', '货币'), kind: 'text', question: false },
  { key: 'language', label: bi('Language', '语言'), kind: 'text', question: false },
] as const satisfies readonly { key: string; label: Bilingual; kind: 'text' | 'date'; question: boolean }[];

export type StrategyFieldKey = (typeof STRATEGY_FIELDS)[number]['key'];

/** The four questions of the product strategy (the pyramid's "Tactics" level), with the question asked. */
export const STRATEGY_QUESTIONS: Record<'targetUsers' | 'problem' | 'category' | 'businessGoal', Bilingual> =
  {
    targetUsers: bi('Who is the product for?', '产品为谁而做？'),
    problem: bi('Why would they use and buy it?', '用户为什么会使用并购买？'),
    category: bi(
      'What kind of product is it, and why pick it over alternatives?',
      '这是什么品类的产品，凭什么胜过替代品？',
    ),
    businessGoal: bi('What does it earn the company?', '它为公司带来什么商业回报？'),
  };

const ID_NOTE = bi('A short unique code, e.g. KR1.', '简短且唯一的编号，例如 KR1。');
const OWNER_NOTE = bi('A department listed on the Departments tab.', '填写“部门”表中列出的部门。');
const DATE_NOTE = bi('A date, e.g. 2026-03-01.', '日期，例如 2026-03-01。');

export const TABS: readonly TabDef[] = [
  {
    key: 'strategy',
    label: bi('Strategy', '策略'),
    presence: 'required',
    note: bi('The product strategy: one row per field.', '产品策略：每行一个字段。'),
    columns: [
      col(
        'field',
        'Field',
        '字段',
        'text',
        true,
        bi('The name of the field; keep it as written.', '字段名称，请勿修改。'),
      ),
      col('value', 'Value', '内容', 'text', true, bi('Your answer.', '你的回答。')),
    ],
  },
  {
    key: 'departments',
    label: bi('Departments', '部门'),
    presence: 'recommended',
    note: bi('The teams that own objectives, key results and KPIs.', '承担目标、关键结果与 KPI 的团队。'),
    columns: [
      col(
        'name',
        'Department',
        '部门',
        'id',
        true,
        bi('The department name used in Owner columns.', '各表“负责部门”列使用的部门名称。'),
      ),
      col('lead', 'Lead', '负责人', 'text', false, bi('The person accountable.', '负责人姓名。')),
      col(
        'color',
        'Color',
        '颜色',
        'color',
        false,
        bi('Optional colour for charts, e.g. #0072B2.', '可选的图表颜色，例如 #0072B2。'),
      ),
    ],
  },
  {
    key: 'objectives',
    label: bi('Objectives', '目标'),
    presence: 'required',
    note: bi('What the launch must achieve, in words.', '本次上市要达成的目标（定性描述）。'),
    columns: [
      col('id', 'ID', '编号', 'id', true, ID_NOTE),
      col(
        'title',
        'Objective',
        '目标',
        'text',
        true,
        bi('The objective in one sentence.', '用一句话描述目标。'),
      ),
      col('owner', 'Owner', '负责部门', 'ref', false, OWNER_NOTE),
      col(
        'parent',
        'Parent',
        '上级',
        'ref',
        false,
        bi(
          'Optional: the objective or key result this one contributes to.',
          '可选：本目标所支撑的上级目标或关键结果编号。',
        ),
      ),
      col('start', 'Start', '开始', 'date', false, DATE_NOTE),
      col('end', 'End', '结束', 'date', false, DATE_NOTE),
      col('notes', 'Notes', '备注', 'text', false, bi('Anything worth knowing.', '其他说明。')),
    ],
  },
  {
    key: 'keyResults',
    label: bi('Key Results', '关键结果'),
    presence: 'required',
    note: bi('Measurable outcomes, one owner each.', '可衡量的结果，每项只有一个负责部门。'),
    columns: [
      col('id', 'ID', '编号', 'id', true, ID_NOTE),
      col(
        'objective',
        'Objective',
        '所属目标',
        'ref',
        true,
        bi('The ID of the objective this key result measures.', '所衡量目标的编号。'),
      ),
      col('title', 'Key result', '关键结果', 'text', true, bi('The measurable outcome.', '可衡量的结果。')),
      col('owner', 'Owner', '负责部门', 'ref', true, OWNER_NOTE),
      col(
        'type',
        'Type',
        '类型',
        'enum',
        true,
        bi(
          'cumulative (adds up: sign-ups, revenue), level (a rate), threshold (a bar every period) or milestone (done by a date).',
          '累计（可相加：注册数、收入）、水平（比率）、阈值（每期达到的标准）或里程碑（按期完成）。',
        ),
        'type',
      ),
      col(
        'unit',
        'Unit',
        '单位',
        'text',
        false,
        bi('e.g. USD, sign-ups, %, hours.', '例如 USD、注册数、%、小时。'),
      ),
      col(
        'direction',
        'Direction',
        '方向',
        'enum',
        false,
        bi(
          'increase (higher is better) or decrease (lower is better).',
          '提升（越高越好）或降低（越低越好）。',
        ),
        'direction',
      ),
      col(
        'baseline',
        'Baseline',
        '基线',
        'ratio',
        false,
        bi('Where the metric stands at the start (0 if empty).', '起点数值（留空视为 0）。'),
      ),
      col(
        'target',
        'Target',
        '目标值',
        'ratio',
        true,
        bi(
          'The value to reach by the due date; 20% or 0.2 for rates.',
          '截止日期要达到的数值；比率可写 20% 或 0.2。',
        ),
      ),
      col(
        'start',
        'Start',
        '开始',
        'date',
        false,
        bi('First month of work (period start if empty).', '开始月份（留空则为周期开始）。'),
      ),
      col('due', 'Due', '截止', 'date', true, DATE_NOTE),
      col(
        'phasing',
        'Phasing',
        '分解方式',
        'enum',
        false,
        bi(
          'How a cumulative target is split across months: even, ramp-up, front-loaded or custom (weights on the Targets tab).',
          '累计目标的月度分解方式：平均、逐步提升、前高后低或自定义（在目标分解表填写权重）。',
        ),
        'phasing',
      ),
      col(
        'weight',
        'Weight',
        '权重',
        'number',
        false,
        bi('Weight in the objective score (equal if empty).', '在目标得分中的权重（留空为等权）。'),
      ),
      col(
        'confidence',
        'Confidence',
        '信心',
        'ratio',
        false,
        bi('How sure the team is, 0–100%.', '团队信心，0–100%。'),
      ),
    ],
  },
  {
    key: 'kpis',
    label: bi('KPIs', 'KPI'),
    presence: 'recommended',
    note: bi(
      'The operating dashboard: each KPI tracks the work behind one key result.',
      '运营指标：每个 KPI 跟踪一个关键结果背后的工作。',
    ),
    columns: [
      col('id', 'ID', '编号', 'id', true, ID_NOTE),
      col(
        'name',
        'KPI',
        'KPI',
        'text',
        true,
        bi('What is measured, e.g. new sign-ups per month.', '衡量的内容，例如每月新增注册数。'),
      ),
      col('owner', 'Owner', '负责部门', 'ref', true, OWNER_NOTE),
      col(
        'keyResult',
        'Key result',
        '关键结果',
        'ref',
        true,
        bi('The ID of the key result this KPI tracks.', '该 KPI 跟踪的关键结果编号。'),
      ),
      col('unit', 'Unit', '单位', 'text', false, bi('e.g. %, hours, sign-ups.', '例如 %、小时、注册数。')),
      col(
        'direction',
        'Direction',
        '方向',
        'enum',
        false,
        bi(
          'increase: at least the target; decrease: at most the target.',
          '提升：不低于目标值；降低：不高于目标值。',
        ),
        'direction',
      ),
      col(
        'target',
        'Target',
        '目标值',
        'ratio',
        true,
        bi('The bar every period, e.g. 5% or 1.', '每期要达到的标准，例如 5% 或 1。'),
      ),
      col(
        'cadence',
        'Cadence',
        '频率',
        'enum',
        false,
        bi('How often it is checked: monthly or weekly.', '检查频率：每月或每周。'),
        'cadence',
      ),
    ],
  },
  {
    key: 'roadmap',
    label: bi('Roadmap', '路线图'),
    presence: 'recommended',
    note: bi(
      'The GTM roadmap: launch phases and initiatives per department.',
      '上市路线图：各部门的阶段与举措。',
    ),
    columns: [
      col('id', 'ID', '编号', 'id', true, ID_NOTE),
      col('item', 'Item', '事项', 'text', true, bi('The initiative.', '举措名称。')),
      col(
        'phase',
        'Phase',
        '阶段',
        'text',
        false,
        bi('e.g. Pre-launch, Launch, Growth.', '例如：预热期、发布期、增长期。'),
      ),
      col('owner', 'Owner', '负责部门', 'ref', true, OWNER_NOTE),
      col('start', 'Start', '开始', 'date', true, DATE_NOTE),
      col('end', 'End', '结束', 'date', true, DATE_NOTE),
      col(
        'keyResults',
        'Key results',
        '关键结果',
        'refs',
        false,
        bi(
          'Comma-separated key result IDs this item serves, e.g. KR1, KR2.',
          '该事项支撑的关键结果编号，用逗号分隔，例如 KR1, KR2。',
        ),
      ),
      col(
        'status',
        'Status',
        '状态',
        'enum',
        false,
        bi('planned, in progress, done or blocked.', '计划中、进行中、已完成或受阻。'),
        'roadmapStatus',
      ),
    ],
  },
  {
    key: 'actuals',
    label: bi('Actuals', '实际'),
    presence: 'recommended',
    note: bi('Monthly check-ins: one row per metric and date.', '月度复盘数据：每个指标每个日期一行。'),
    columns: [
      col(
        'date',
        'Date',
        '日期',
        'date',
        true,
        bi('The date of the check-in; it counts for that month.', '复盘日期，计入所在月份。'),
      ),
      col('metric', 'Metric', '指标', 'ref', true, bi('A key result or KPI ID.', '关键结果或 KPI 的编号。')),
      col(
        'value',
        'Value',
        '数值',
        'ratio',
        true,
        bi(
          'Cumulative metrics: the amount in that period. Others: the level measured on that date. Milestones: 1 when done.',
          '累计型：当期发生量；其他：当日测得的水平；里程碑：完成填 1。',
        ),
      ),
      col('note', 'Note', '备注', 'text', false, bi('Context for the number.', '数据说明。')),
    ],
  },
  {
    key: 'changes',
    label: bi('Changes', '变更记录'),
    presence: 'optional',
    note: bi(
      'The trace of changed targets: who, when, old, new, why.',
      '目标变更记录：何时、何处、原值、新值、原因。',
    ),
    columns: [
      col('timestamp', 'Timestamp', '时间', 'date', true, bi('When the change was made.', '变更时间。')),
      col('sheet', 'Sheet', '工作表', 'text', false, bi('The tab that changed.', '发生变更的工作表。')),
      col('cell', 'Cell', '单元格', 'text', false, bi('The cell that changed.', '发生变更的单元格。')),
      col('id', 'ID', '编号', 'text', false, bi('The key result or KPI.', '关键结果或 KPI 编号。')),
      col('field', 'Field', '字段', 'text', false, bi('The column that changed.', '发生变更的列。')),
      col('oldValue', 'Old value', '原值', 'text', false, bi('Before the change.', '变更前。')),
      col('newValue', 'New value', '新值', 'text', false, bi('After the change.', '变更后。')),
      col(
        'reason',
        'Reason',
        '原因',
        'text',
        false,
        bi('Why it changed: fill this in.', '变更原因：请填写。'),
      ),
    ],
  },
  {
    key: 'targets',
    label: bi('Targets', '目标分解'),
    presence: 'optional',
    note: bi(
      'Generated by "Decompose targets": one row per key result and KPI, one column per month. Only the weights rows are yours to edit.',
      '由“分解目标”生成：每个关键结果与 KPI 一行，每月一列。只有“权重”行由你填写。',
    ),
    // The month columns (one per month of the period, headed by the month's first day) follow these;
    // the to-date columns come after the months.
    columns: [
      col('id', 'ID', '编号', 'text', true, bi('The key result or KPI.', '关键结果或 KPI 编号。')),
      col(
        'row',
        'Row',
        '行',
        'enum',
        true,
        bi(
          'target: the monthly targets (formulas). weights: your weights for custom phasing.',
          '目标：月度目标（公式）。权重：自定义分解时由你填写的权重。',
        ),
        'targetsRow',
      ),
      col('name', 'Name', '名称', 'text', false, bi('The key result or KPI.', '关键结果或 KPI 名称。')),
      col('owner', 'Owner', '负责部门', 'text', false, OWNER_NOTE),
    ],
  },
];

/** The columns that follow the month columns on the Targets tab. */
export const TARGETS_SUMMARY_COLUMNS: readonly ColumnDef[] = [
  col(
    'targetToDate',
    'Target to date',
    '累计目标',
    'number',
    false,
    bi('Target through the last completed month.', '截至上一个完整月份的目标。'),
  ),
  col(
    'actualToDate',
    'Actual to date',
    '累计实际',
    'number',
    false,
    bi('Actual through the last completed month.', '截至上一个完整月份的实际。'),
  ),
  col(
    'attainment',
    'Attainment',
    '达成率',
    'number',
    false,
    bi('Progress from baseline to target.', '从基线到目标的完成比例。'),
  ),
  col(
    'status',
    'Status',
    '状态',
    'text',
    false,
    bi('Compared with the target to date.', '与累计目标对比的状态。'),
  ),
];

/**
 * Helper columns of the Targets tab, after the to-date columns: per-row figures that the month and to-date formulas
 * read, so that no formula repeats the window arithmetic (docs/addon.md, "Targets formulas"). Generated, never
 * edited by hand.
 */
export const TARGETS_HELPER_COLUMNS: readonly ColumnDef[] = [
  col(
    'windowStart',
    'Window start',
    '窗口开始',
    'date',
    false,
    bi(
      'First day of the first active month (Start, or the period start).',
      '首个有效月份的第一天（开始日期或周期开始）。',
    ),
  ),
  col(
    'months',
    'Months in window',
    '窗口月数',
    'number',
    false,
    bi('Active months, Start month through Due month.', '有效月份数：从开始月份到截止月份。'),
  ),
  col(
    'columnOffset',
    'Column offset',
    '列偏移',
    'number',
    false,
    bi(
      "A month cell's column number minus this is the month's position in the window (1 = the first month).",
      '月份单元格的列号减去此值，即该月在窗口中的序号（1 = 第一个月）。',
    ),
  ),
  col(
    'judged',
    'Judged month',
    '评估月份序号',
    'number',
    false,
    bi(
      'Position in the window of the last month that has ended by the as-of day (at most the months in window).',
      '截至评估日已结束的最后一个月在窗口中的序号（不超过窗口月数）。',
    ),
  ),
  col('span', 'Span', '跨度', 'number', false, bi('Target minus baseline.', '目标值减基线。')),
  col(
    'phasingCode',
    'Phasing code',
    '分解方式代码',
    'number',
    false,
    bi(
      '1 even, 2 ramp-up, 3 front-loaded, 4 custom with weights.',
      '1 平均，2 逐步提升，3 前高后低，4 自定义（有权重）。',
    ),
  ),
  col(
    'shareLinear',
    'Share a',
    '比例 a',
    'number',
    false,
    bi('Share reached after x months = x × (a + b × x) / d.', 'x 个月后的累计比例 = x × (a + b × x) / d。'),
  ),
  col('shareSquare', 'Share b', '比例 b', 'number', false, bi('See Share a.', '见“比例 a”。')),
  col('shareDivisor', 'Share d', '比例 d', 'number', false, bi('See Share a.', '见“比例 a”。')),
  col(
    'weightsTotal',
    'Weights total',
    '权重合计',
    'number',
    false,
    bi('Custom phasing: the weights inside the window.', '自定义分解：窗口内的权重合计。'),
  ),
  col(
    'checkedIn',
    'Check-ins in judged month',
    '评估月份复盘数',
    'number',
    false,
    bi('Actuals rows of this metric dated in the judged month.', '该指标在评估月份的复盘行数。'),
  ),
  col(
    'latestCheckIn',
    'Latest check-in',
    '最近复盘日期',
    'date',
    false,
    bi(
      'Levels and thresholds: the date of the latest check-in counted (0 when none).',
      '水平与阈值指标：计入的最近一次复盘日期（无则为 0）。',
    ),
  ),
  col(
    'expectedAttainment',
    'Expected attainment',
    '预期达成率',
    'number',
    false,
    bi('Attainment the target to date stands for.', '累计目标对应的达成率。'),
  ),
];

/**
 * The as-of day of the Targets tab: one cell (header "As of" after the helper columns, the date below it) named
 * TARGETS_AS_OF_NAME. Every to-date formula reads it and nothing reads the clock: the add-on sets it to today on
 * Decompose targets, and a person may type a review date instead.
 */
export const TARGETS_AS_OF = {
  name: 'GTM_AS_OF',
  label: bi('As of', '评估日'),
  note: bi(
    'The day the to-date columns are judged on. Decompose targets sets it to today; type a review date to judge as of that day.',
    '累计列的评估日期。“分解目标”会将其设为今天；也可填写复盘日期，按该日评估。',
  ),
} as const;

const byKey = new Map(TABS.map((t) => [t.key, t]));

export function tabDef(key: TabKey): TabDef {
  const def = byKey.get(key);
  if (!def) throw new Error(`Unknown tab key ${key}`);
  return def;
}

export function columnDef(tab: TabKey, key: string): ColumnDef {
  const def =
    tabDef(tab).columns.find((c) => c.key === key) ??
    (tab === 'targets' ? TARGETS_SUMMARY_COLUMNS.find((c) => c.key === key) : undefined);
  if (!def) throw new Error(`Unknown column ${tab}.${key}`);
  return def;
}

/** Header matching ignores case, spaces, underscores and full-width forms, and accepts either language. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\u3000]+/g, '');
}

/** Which tab a sheet name denotes, in either language, or undefined. */
export function matchTab(sheetName: string): TabDef | undefined {
  const wanted = normalizeHeader(sheetName);
  return TABS.find(
    (t) => normalizeHeader(t.label.en) === wanted || normalizeHeader(t.label['zh-CN']) === wanted,
  );
}

export function matchesLabel(text: string, label: Bilingual): boolean {
  const wanted = normalizeHeader(text);
  return (
    wanted !== '' && (wanted === normalizeHeader(label.en) || wanted === normalizeHeader(label['zh-CN']))
  );
}

/** Per enum, every accepted spelling (normalised) → its key; the first value listing a spelling wins. */
const ENUM_SPELLINGS = new Map<EnumKey, Map<string, string>>();
/** Normalised cell texts, remembered: an Actuals tab repeats the same few words thousands of times. */
const WANTED = new Map<string, string>();

/** The canonical key of an enum value written in either language (case- and space-insensitive), or undefined. */
export function matchEnum<K extends EnumKey>(enumKey: K, text: string): keyof (typeof ENUMS)[K] | undefined {
  let spellings = ENUM_SPELLINGS.get(enumKey);
  if (!spellings) {
    spellings = new Map();
    for (const [key, label] of Object.entries(ENUMS[enumKey] as Record<string, Bilingual>)) {
      for (const form of [
        normalizeHeader(key).replace(/-/g, ''),
        normalizeHeader(label.en).replace(/-/g, ''),
        normalizeHeader(label['zh-CN']),
      ]) {
        if (!spellings.has(form)) spellings.set(form, key);
      }
    }
    ENUM_SPELLINGS.set(enumKey, spellings);
  }
  let wanted = WANTED.get(text);
  if (wanted === undefined) {
    wanted = normalizeHeader(text).replace(/-/g, '');
    if (WANTED.size >= 1000) WANTED.clear();
    WANTED.set(text, wanted);
  }
  return spellings.get(wanted) as keyof (typeof ENUMS)[K] | undefined;
}

/** The labels of an enum in one language, in contract order (for drop-downs). */
export function enumLabels(enumKey: EnumKey, lang: Lang): string[] {
  return Object.values(ENUMS[enumKey] as Record<string, Bilingual>).map((l) => l[lang]);
}

export function enumLabel<K extends EnumKey>(enumKey: K, value: keyof (typeof ENUMS)[K], lang: Lang): string {
  return ((ENUMS[enumKey] as Record<string, Bilingual>)[value as string] ?? bi(String(value), String(value)))[
    lang
  ];
}

/** Languages: the spreadsheet locale 'zh', 'zh_CN', 'zh-Hans'... means Simplified Chinese; everything else English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return /^zh/i.test(String(locale ?? '')) ? 'zh-CN' : 'en';
}
