/** Simplified Chinese (China). */
import type { Messages } from './en';

/**
 * The add-on's Decompose targets command as its menu item names it (分解目标值, since 目标 alone is an objective), also its
 * dialog's title and the glossary's word. Every message that names the command says it from here, so the menu
 * and the messages cannot drift apart.
 */
const DECOMPOSE = '分解目标值';

export const zhCN: Messages = {
  template: {
    enums: {
      type: {
        cumulative: '累计',
        level: '水平',
        threshold: '阈值',
        milestone: '里程碑',
      },
      direction: {
        increase: '提升',
        decrease: '降低',
      },
      phasing: {
        even: '平均',
        'ramp-up': '逐步提升',
        'front-loaded': '前高后低',
        custom: '自定义',
      },
      cadence: {
        monthly: '每月',
        weekly: '每周',
      },
      roadmapStatus: {
        planned: '计划中',
        'in-progress': '进行中',
        done: '已完成',
        delayed: '延迟',
        'on-hold': '暂停',
        blocked: '受阻',
      },
      targetsRow: {
        target: '目标值',
        weights: '权重',
      },
    },
    phases: {
      'pre-launch': '预热期',
      launch: '发布期',
      growth: '增长期',
    },
    strategyFields: {
      product: {
        label: '产品',
      },
      vision: {
        label: '愿景',
      },
      strategy: {
        label: '策略',
      },
      targetUsers: {
        label: '目标用户',
      },
      problem: {
        label: '痛点与价值',
      },
      category: {
        label: '品类与差异化',
      },
      businessGoal: {
        label: '商业目标',
      },
      periodStart: {
        label: '周期开始',
      },
      periodEnd: {
        label: '周期结束',
      },
      currency: {
        label: '货币',
      },
      language: {
        label: '语言',
      },
    },
    strategyQuestions: {
      targetUsers: '产品为谁而做？',
      problem: '用户为什么会使用并购买？',
      category: '这是什么品类的产品，凭什么胜过替代品？',
      businessGoal: '它为公司带来什么商业回报？',
    },
    idNote: '简短且唯一的编号，例如 KR1。',
    ownerNote: '填写“部门”表中列出的部门。',
    dateNote: '日期，例如 2026-03-01。',
    tabs: {
      strategy: {
        label: '策略',
        note: '产品策略：每行一个字段。',
        columns: {
          field: {
            label: '字段',
            note: '字段名称，请勿修改。',
          },
          value: {
            label: '内容',
            note: '你的回答。',
          },
        },
      },
      departments: {
        label: '部门',
        note: '承担目标、关键结果与 KPI 的团队。',
        columns: {
          name: {
            label: '部门',
            note: '各表“负责部门”列使用的部门名称。',
          },
          lead: {
            label: '负责人',
            note: '负责人姓名。',
          },
          color: {
            label: '颜色',
            note: '可选的图表颜色，例如 #0072B2。',
          },
        },
      },
      objectives: {
        label: '目标',
        note: '本次上市要达成的目标（定性描述）。',
        columns: {
          id: {
            label: '编号',
          },
          title: {
            label: '目标',
            note: '用一句话描述目标。',
          },
          owner: {
            label: '负责部门',
          },
          parent: {
            label: '上级',
            note: '可选：本目标所支撑的上级目标或关键结果编号。',
          },
          start: {
            label: '开始',
          },
          end: {
            label: '结束',
          },
          notes: {
            label: '备注',
            note: '其他说明。',
          },
        },
      },
      keyResults: {
        label: '关键结果',
        note: '可衡量的结果，每项只有一个负责部门。',
        columns: {
          id: {
            label: '编号',
          },
          objective: {
            label: '所属目标',
            note: '所衡量目标的编号。',
          },
          title: {
            label: '关键结果',
            note: '可衡量的结果。',
          },
          owner: {
            label: '负责部门',
          },
          type: {
            label: '类型',
            note: '累计（可相加：注册数、收入）、水平（比率）、阈值（每期达到的标准）或里程碑（按期完成）。',
          },
          unit: {
            label: '单位',
            note: '例如 USD、注册数、%、小时。',
          },
          direction: {
            label: '方向',
            note: '提升（越高越好）或降低（越低越好）。',
          },
          baseline: {
            label: '基线',
            note: '起点数值（留空视为 0）。',
          },
          target: {
            label: '目标值',
            note: '截止日期要达到的数值；比率可写 20% 或 0.2。',
          },
          start: {
            label: '开始',
            note: '开始月份（留空则为周期开始）。',
          },
          due: {
            label: '截止',
          },
          phasing: {
            label: '分解方式',
            note: '累计目标值的月度分解方式：平均、逐步提升、前高后低或自定义（在目标分解表填写权重）。',
          },
          weight: {
            label: '权重',
            note: '在目标得分中的权重（留空为等权）。',
          },
          confidence: {
            label: '信心',
            note: '团队信心，0–100%。',
          },
        },
      },
      kpis: {
        label: 'KPI',
        note: '运营指标：每个 KPI 跟踪一个关键结果背后的工作。',
        columns: {
          id: {
            label: '编号',
          },
          name: {
            label: 'KPI',
            note: '衡量的内容，例如每月新增注册数。',
          },
          owner: {
            label: '负责部门',
          },
          keyResult: {
            label: '关键结果',
            note: '该 KPI 跟踪的关键结果编号。',
          },
          unit: {
            label: '单位',
            note: '例如 %、小时、注册数。',
          },
          direction: {
            label: '方向',
            note: '提升：不低于目标值；降低：不高于目标值。',
          },
          target: {
            label: '目标值',
            note: '每期要达到的标准，例如 5% 或 1。',
          },
          cadence: {
            label: '频率',
            note: '检查频率：每月或每周。',
          },
        },
      },
      roadmap: {
        label: '路线图',
        note: '上市路线图：各部门的阶段与举措。',
        columns: {
          id: {
            label: '编号',
          },
          item: {
            label: '事项',
            note: '举措名称。',
          },
          phase: {
            label: '阶段',
            note: '例如：{phases}。',
          },
          owner: {
            label: '负责部门',
          },
          start: {
            label: '开始',
          },
          end: {
            label: '结束',
          },
          keyResults: {
            label: '关键结果',
            note: '该事项支撑的关键结果编号，用逗号分隔，例如 KR1, KR2。',
          },
          status: {
            label: '状态',
            note: '计划中、进行中、已完成、延迟（仍在推进，但落后）、暂停（有意暂缓）或受阻（须先解决其他问题才能推进）。',
          },
        },
      },
      actuals: {
        label: '实际',
        note: '每月的实际值：每个指标每个日期一行。',
        columns: {
          date: {
            label: '日期',
            note: '实际值的日期，计入所在月份。',
          },
          metric: {
            label: '指标',
            note: '关键结果或 KPI 的编号。',
          },
          value: {
            label: '数值',
            note: '累计型：当期发生量；其他：当日测得的水平；里程碑：完成填 1。',
          },
          note: {
            label: '备注',
            note: '数据说明。',
          },
        },
      },
      changes: {
        label: '变更记录',
        note: '目标值变更记录：何人、何时、何处、原值、新值、原因。',
        columns: {
          timestamp: {
            label: '时间',
            note: '变更时间。',
          },
          sheet: {
            label: '工作表',
            note: '发生变更的工作表。',
          },
          cell: {
            label: '单元格',
            note: '发生变更的单元格。',
          },
          id: {
            label: '编号',
            note: '关键结果或 KPI 编号。',
          },
          field: {
            label: '字段',
            note: '发生变更的列。',
          },
          oldValue: {
            label: '原值',
            note: '变更前。',
          },
          newValue: {
            label: '新值',
            note: '变更后。',
          },
          reason: {
            label: '原因',
            note: '变更原因：请填写。',
          },
          who: {
            label: '变更人',
            note: '谁做的变更：插件在 Google 提供时填入编辑者的 Google 账号邮箱（Google 不提供时留空）。在此手动填写的姓名会原样保留。',
          },
        },
      },
      targets: {
        label: '目标分解',
        note: `由“${DECOMPOSE}”生成：每个关键结果与 KPI 一行，每月一列。只有“权重”行由你填写。`,
        columns: {
          id: {
            label: '编号',
            note: '关键结果或 KPI 编号。',
          },
          row: {
            label: '行',
            note: '目标值：每月的目标值（公式）。权重：自定义分解时由你填写的权重。',
          },
          name: {
            label: '名称',
            note: '关键结果或 KPI 名称。',
          },
          owner: {
            label: '负责部门',
          },
        },
      },
    },
    targetsSummaryColumns: {
      targetToDate: {
        label: '此时应达成',
        note: '截至“评估日”应达到的水平：截至最后一个已评估月份的目标值（与报告一致）。',
      },
      actualToDate: {
        label: '当前值',
        note: '当前所处水平：累计型为基线加已计入的实际值，其他为最近一次计入的实际值。',
      },
      attainment: {
        label: '达成率',
        note: '从基线到目标值的完成比例。',
      },
      status: {
        label: '状态',
        note: '与累计目标值对比的状态。',
      },
    },
    languageNames: { en: '英文', 'zh-CN': '简体中文', 'zh-TW': '繁体中文' },
    targetsHelperColumns: {
      windowStart: { label: '窗口开始', note: '首个有效月份的第一天（开始日期或周期开始）。' },
      months: { label: '窗口月数', note: '有效月份数：从开始月份到截止月份。' },
      columnOffset: {
        label: '列偏移',
        note: '月份单元格的列号减去此值，即该月在窗口中的序号（1 = 第一个月）。',
      },
      judged: {
        label: '评估月份序号',
        note: '截至评估日已结束的最后一个月在窗口中的序号（不超过窗口月数）。',
      },
      span: { label: '跨度', note: '目标值减基线。' },
      phasingCode: { label: '分解方式代码', note: '1 平均，2 逐步提升，3 前高后低，4 自定义（有权重）。' },
      shareLinear: { label: '比例 a', note: 'x 个月后的累计比例 = x × (a + b × x) / d。' },
      shareSquare: { label: '比例 b', note: '见“比例 a”。' },
      shareDivisor: { label: '比例 d', note: '见“比例 a”。' },
      weightsTotal: { label: '权重合计', note: '自定义分解：窗口内的权重合计。' },
      checkedIn: { label: '评估月份实际值条数', note: '该指标在评估月份的实际值行数。' },
      latestCheckIn: {
        label: '最近实际值日期',
        note: '水平与阈值指标：计入的最近一条实际值的日期（无则为 0）。',
      },
      meetsBar: {
        label: '达标条件',
        note: '阈值指标：实际值达标的条件，按方向为 <=目标值 或 >=目标值（在此写一次，供达成率的 COUNTIFS 读取）。',
      },
      expectedAttainment: { label: '预期达成率', note: '累计目标值对应的达成率。' },
    },
    TARGETS_AS_OF: {
      label: '评估日',
      note: `累计列的评估日期。“${DECOMPOSE}”会将其设为今天；也可填写复盘日期，按该日评估。`,
    },
  },
  issues: {
    'missing-tab': {
      message: '缺少“{tab}”工作表。',
      fix: '用“插入模板”添加，或把你的工作表改名为“{tab}”。',
    },
    'missing-tab-optional': {
      message: '缺少“{tab}”工作表，因此无法显示{what}。',
      fix: '用“插入模板”添加。',
      what: {
        departments: '职责归属',
        kpis: 'KPI',
        roadmap: '路线图',
        actuals: '进度',
      },
    },
    'missing-column': {
      message: '“{tab}”表缺少“{column}”列。{near}',
      fix: '在第 {row} 行添加表头“{column}”。',
    },
    'missing-column-optional': {
      message: '“{tab}”表缺少“{column}”列，将使用默认值。{near}',
      fix: '如需设置，请在第 {row} 行添加表头“{column}”。',
    },
    'header-scale': {
      message:
        '表头“{header}”注明“{note}”，但其下方的数字按填写的数值读取：3000 就是 3000，而不是 3000 × {multiple}。',
      fix: '请填写完整数值；或为指标设置以此倍数计的“单位”（万元、千人、K USD、million USD），此后单独的数字即以该单位计；并删去表头中的注明。',
    },
    'title-scale': {
      message:
        '表头上方注明“{title}”，但其下方的数字按填写的数值读取：3000 就是 3000，而不是 3000 × {multiple}。',
      fix: '请填写完整数值；或为指标设置以此倍数计的“单位”（万元、千人、K USD、million USD），此后单独的数字即以该单位计；并删去此注明。',
    },
    'duplicate-column': {
      message: '“{tab}”表的“{column}”列出现了两次，只读取第一列。',
      fix: '重命名或删除重复的列。',
    },
    'tab-copy': {
      message:
        '“{copy}”工作表看起来是“{tab}”表的副本。计划读取的是“{tab}”{hidden}；“{copy}”中填写的内容不计入。',
      fix: '如果要用的是“{copy}”，请删除“{tab}”（或把它改成与计划无关的名称，如“存档”），再把“{copy}”改名为“{tab}”；如果要用的是“{tab}”，请删除“{copy}”。',
    },
    'column-copy': {
      message:
        '“{tab}”表的表头“{header}”（{cell}）与“{read}”（{readCell}）是同一列“{column}”。计划读取的是“{read}”{hidden}；“{header}”下填写的内容不计入。',
      fix: '如果要用的是“{header}”下的数字，请删除“{read}”列（{readCell}），再把“{header}”改名为“{column}”；否则请删除“{header}”列，或把它改成你自己的列名。',
    },
    'example-row': {
      message: '“{tab}”表的第 {row} 行标为示例（{cell}：“{value}”），因此整行不计入计划。',
      fix: '如果这一行只是示例，请删除该行；如果是真实的一行，请删去 {cell} 中的“{mark}”，该行即会被读取。',
    },
    'hidden-rows': {
      message: '“{tab}”表的第 {rows} 行已隐藏，但仍按填写的内容读取并计入。',
      fix: '如果隐藏的行是已被替换的旧数字，请删除该行；否则请取消隐藏，让计划计入的内容都看得见。被筛选隐藏的行同样计入。',
    },
    'extra-actuals-tab': {
      message:
        '“{name}”工作表看起来是“{tab}”表的延续，但计划只读取“{tab}”：其中 {count} 条实际数据（{months}）不计入。',
      fix: '把它的各行移到“{tab}”表的最下方，再删除“{name}”（或把它改成与计划无关的名称，如“存档”）。',
    },
    'tab-name-near': {
      message: '“{name}”工作表看起来是“{tab}”表，但未被读取：计划按名称查找工作表。',
      fix: '把它改名为“{tab}”。',
    },
    'unread-header': {
      message: '“{tab}”表的表头“{header}”不是计划读取的列，而“{tab}”表缺少{missing}。',
      fix: '如果它就是该列，请照此改名；如果是你自己的列，保留即可。',
    },
    'empty-column-near-header': {
      message:
        '“{tab}”表的“{column}”列（{cell}）为空，而看起来像它的表头“{header}”（{near}）下有数据：计划读取的是空的那一列。',
      fix: '如果“{header}”下的数据就是“{column}”，请删除空的“{column}”列（{cell}），再把“{header}”改名为“{column}”；如果“{header}”是你自己的列，请填写“{column}”。',
    },
    'ambiguous-header': {
      message: '“{tab}”表的表头“{header}”写了不止一列（{columns}），因此不按其中任何一列读取。',
      fix: '只写它所对应的列名：用一种语言，或用指同一列的两种语言（“方向 Direction”）。',
    },
    'duplicate-tab': {
      message: '“{tab}”表与“{first}”表是计划的同一部分，只读取后者；“{tab}”不计入。',
      fix: '把其中的内容移到“{first}”，然后删除“{tab}”或将其改名。',
    },
    'empty-sheet': {
      message: '“{tab}”表没有表头行。',
      fix: '运行“插入模板”添加表头。',
    },
    'missing-id': {
      message: '第 {row} 行有内容但没有编号。',
      fix: '填写一个简短且唯一的编号，例如 {example}。',
    },
    'duplicate-id': {
      message: '编号“{id}”重复（第 {other} 行也在使用）。',
      fix: '每行使用不同的编号。',
    },
    'id-on-two-tabs': {
      message:
        '编号“{id}”也是关键结果 {keyResult} 的编号（“{keyResults}”表第 {row} 行），“{actuals}”表无法区分两者的数据：“{id}”的每条实际数据都计入该关键结果，此 KPI 在改用自己的编号前不计入进度。',
      fix: '为此 KPI 改用自己的编号（例如 {suggested}），并在“{actuals}”表中以该编号填写它的数据。',
    },
    'missing-value': {
      message: '{id} 的“{field}”为空。',
      fix: '请填写“{field}”。',
    },
    'formula-error': {
      message: '{id} 的“{field}”显示公式错误 {value}。',
      fix: '修正该单元格的公式，或直接填写数值。',
    },
    'formula-without-result': {
      message: '{id} 的“{field}”是公式，但文件中没有保存它的计算结果（由不计算公式的程序写入）。',
      fix: '用电子表格（Google 表格、Excel、LibreOffice）打开该文件并重新保存，或直接填写数值。',
    },
    'not-a-number': {
      message: '{id} 的“{field}”为“{value}”，不是数字。',
      fix: '请填写数字，例如 {example}。',
    },
    'comparison-sign': {
      message: '{id} 的“{field}”为“{value}”：数字带有比较符号或比较用语，无法读取。',
      fix: '请只填写 {number}；越高越好还是越低越好，由“方向”列决定。',
    },
    'not-a-date': {
      message: '{id} 的“{field}”为“{value}”，不是日期。',
      fix: '请按 2026-03-01 的格式填写日期。',
    },
    'invalid-choice': {
      message: '{id} 的“{field}”为“{value}”，可选值：{allowed}。',
      fix: '请从以下选项中选择：{allowed}。',
    },
    'dates-reversed': {
      message: '{id} 的{field}日期（{end}）早于开始日期（{start}）。',
      fix: '调换或更正日期。',
    },
    'outside-period': {
      message: '{id} 的“{field}”（{value}）不在计划周期 {start} – {end} 内。',
      fix: '把日期移入周期内，或在“{strategyTab}”表中调整周期。',
    },
    'period-missing': {
      message: '未设置计划周期。{unread}',
      fix: '在“{strategyTab}”表中填写“周期开始”和“周期结束”。',
    },
    'period-reversed': {
      message: '计划周期的结束早于开始。',
      fix: '更正“周期开始”与“周期结束”。',
    },
    'period-too-long': {
      message: '计划周期长达 {months} 个月，目标值最多分解 {max} 个月。',
      fix: '建议每次规划一到两年。',
    },
    'unknown-objective': {
      message: '{id} 所属的目标“{ref}”不存在。',
      fix: '请使用“{objectivesTab}”表中的编号。',
    },
    'unknown-key-result': {
      message: '{id} 引用的关键结果“{ref}”不存在。',
      fix: '请使用“{keyResultsTab}”表中的编号。',
    },
    'unknown-parent': {
      message: '{id} 的上级“{ref}”既不是目标也不是关键结果。',
      fix: '请填写目标或关键结果编号，或留空。',
    },
    'parent-cycle': {
      message: '目标 {cycle} 互为上级，形成了循环。',
      fix: '打破循环：其中一个目标的上级需留空或改为其他目标。',
    },
    'unknown-owner': {
      message: '{id} 的负责部门“{owner}”不在“{departmentsTab}”表中。',
      fix: '把“{owner}”添加到“{departmentsTab}”表，或选择已有部门。',
    },
    'owner-near-department': {
      message: '{id} 的负责部门“{owner}”不在“{departmentsTab}”表中；最接近的是“{department}”。',
      fix: '在“负责部门”单元格中填写“{department}”；如果“{owner}”是另一个部门，请把它添加到“{departmentsTab}”表。',
    },
    'owner-near-departments': {
      message:
        '{id} 的负责部门“{owner}”不在“{departmentsTab}”表中；它与“{department}”和“{other}”同样接近，无法判断指的是哪一个。',
      fix: '在“负责部门”单元格中填写想指的部门；如果“{owner}”是另一个部门，请把它添加到“{departmentsTab}”表。',
    },
    'direction-contradiction': {
      message: '{id} 的方向是{direction}，但从基线 {baseline} 到目标值 {target} 的方向与此相反。',
      fix: '请核对方向、基线和目标值。',
    },
    'unknown-metric': {
      message: '实际数据第 {row} 行的指标“{metric}”既不是关键结果也不是 KPI。',
      fix: '请使用关键结果或 KPI 的编号。',
    },
    'metric-id-near': {
      message:
        '实际数据第 {row} 行的指标“{metric}”既不是关键结果也不是 KPI；去掉空格或连字符后是 {suggestion}。这一行未计入。',
      fix: '改为“{suggestion}”。',
    },
    'wide-actuals': {
      message:
        '“{tab}”表按月分列记录实际数据（{first} … {last}，读取 {months} 个月）：每个月份下的数字都按该行指标在该月的实际值读取。{targets}',
      fix: '无需修改。每个指标一行、每个月一列即可；空白单元格表示该月尚无实际值。{toDate}检查和报告会读取每个单元格。',
    },
    'month-header-year': {
      message: '“{tab}”表的月份表头“{header}”没有年份，而{why}：无法判断是哪一年，因此这一列未读取。',
      fix: '在表头写上年份：{example} 或 {iso}。',
    },
    'month-actual-unclear': {
      message: '“{tab}”表的月份“{header}”{why}，因此这个月未读取。',
      fix: '{where}',
    },
    'merged-months': {
      message:
        '“{tab}”表的 {cells} 是一个合并单元格（{value}）：只计一次，计入 {metric} 的 {month}，而不是它跨过的每个月各计一次。',
      fix: '取消合并，把每个月的数字分别填在各自的单元格中。',
    },
    'merged-amount': {
      message:
        '实际数据第 {top}–{bottom} 行的“{field}”是一个合并单元格（{value}）：只计一次，按第 {top} 行的日期（{date}）计入 {metric}，而不是每行各计一次。',
      fix: '取消合并单元格，把每次实际值的数值分别填在各自的行中。',
    },
    'custom-weights-missing': {
      message: '{id} 使用自定义分解，但“目标分解”表中没有权重，暂按平均分解。',
      fix: `运行“${DECOMPOSE}”，然后在其权重行填写权重。`,
    },
    'invalid-weight': {
      message: '{id} 在 {month} 的权重为“{value}”：权重须为 0 或更大的数，因此不予采用。',
      fix: '请填写 0 或更大的数，或留空。',
    },
    'duplicate-weights-row': {
      message:
        '{id} 有第二个权重行（第 {row} 行）：计划和该表的公式只使用第一个权重行（第 {first} 行），这一行不会被读取。',
      fix: '删除这一行，或把它的权重填到第 {first} 行。',
    },
    'targets-mismatch': {
      message: '“目标分解”表中 {id} 在 {month} 的值为 {sheetValue}，但按计划应为 {value}。',
      fix: `重新运行“${DECOMPOSE}”以重建该表。覆盖了月度公式的手填数字会按原样保留：如需计划的数值，请先清空该单元格。`,
    },
    'targets-row-missing': {
      message: '“目标分解”表中没有 {id} 的行。',
      fix: `重新运行“${DECOMPOSE}”以重建该表。`,
    },
    'targets-text-mismatch': {
      message: '“目标分解”表中 {id} 的“{field}”为{sheetValue}，但按计划应为{value}。',
      fix: `重新运行“${DECOMPOSE}”以重建该表。`,
    },
    'targets-formula-error': {
      message: '“目标分解”表中 {id} 显示 {value}：其公式指向的计划单元格已被移动或删除。',
      fix: `重新运行“${DECOMPOSE}”以重建该表。`,
    },
    'as-of-not-a-date': {
      message: '“目标分解”表的“{cell}”单元格为{value}，不是日期：该表中引用它的公式都会显示错误。',
      fix: `请填写评估进度的日期（今天或复盘日期），或运行“${DECOMPOSE}”（会设为今天）。`,
    },
    'as-of-differs': {
      message: '“目标分解”表按 {day}（“{cell}”单元格）评估进度；本次检查按 {asOf} 评估，两者的状态可能不同。',
      fix: '如需该表按此日期评估，请在“{cell}”单元格填写 {asOf}；如果 {day} 就是要用的复盘日期，请保持不变。',
    },
    'unreadable-by-formulas': {
      message:
        '{id}：{field}填写的是文本“{value}”，“目标分解”表的公式无法像计划那样使用它（{expected}），该表中相应的数字会出错。',
      fix: '在该单元格中改为输入 {expected}。',
    },
    'merged-unread-by-formulas': {
      message:
        '实际数据第 {top}–{bottom} 行的“{field}”是一个合并单元格（{value}）：计划在每一行都读取它，但“目标分解”表的公式只在第 {top} 行读取，因此该表漏掉其下各行的实际值。',
      fix: '取消合并单元格，在每一行中填写 {value}。',
    },
    'shown-not-held': {
      message:
        '{id}：{field}存的是 {held}，其数字格式显示为“{value}”，计划读作 {expected}；“目标分解”表的公式使用存储的 {held}，该表中相应的数字会出错。',
      fix: '在常规数字格式的单元格中输入 {expected}，或让 {id} 以该倍数计（写在单位中），保留 {held}。',
    },
    'format-not-read': {
      message:
        '{id} 的“{field}”存的是 {held}，其数字格式（{format}）显示的数字计划无法照样读取：计划读作存储的 {held}。',
      fix: '若 {held} 不是要的数字，请在常规数字格式的单元格中输入该数字，或使用计划能读的倍数（万用 0.00"万"，而非 "w"）。',
    },
    'too-many-key-results': {
      message: '目标 {id} 有 {count} 个关键结果，建议不超过 {max} 个。',
      fix: '合并或删减次要项：少而关键。',
    },
    'too-many-objectives': {
      message: '{owner} 负责 {count} 个目标，建议不超过 {max} 个。',
      fix: '聚焦：移交或删减部分目标。',
    },
    'too-many-key-results-owned': {
      message: '{owner} 负责 {count} 个关键结果，建议不超过 {max} 个。',
      fix: '聚焦：移交或删减部分关键结果。',
    },
    'too-many-kpis': {
      message: '{owner} 负责 {count} 个 KPI，建议不超过 {max} 个。',
      fix: '保留最能反映趋势的 KPI，删减其余。',
    },
    'idle-department': {
      message: '{owner} 没有负责任何目标、关键结果、KPI 或路线图事项。',
      fix: '让每个部门都负责一项自己能推动的事（目标、关键结果、KPI 或路线图事项），并看得到它和上层目标的关联。',
    },
    'kpi-without-key-result': {
      message: 'KPI {id} 没有关联关键结果。',
      fix: '填写它所跟踪的关键结果。',
    },
    'key-result-untracked': {
      message: '关键结果 {id} 既没有 KPI 也没有路线图事项。',
      fix: '添加反映进度的 KPI，或支撑它的路线图事项。',
    },
    'key-result-without-owner': {
      message: '关键结果 {id} 没有负责部门。',
      fix: '指定唯一负责的部门。',
    },
    'strategy-unanswered': {
      message: '产品策略未回答“{question}”（{field}）。{unread}',
      fix: '在“{field}”旁写一句话回答。{noRow}',
    },
    'strategy-field-missing': {
      message: '“{strategyTab}”表中的“{field}”为空。{unread}',
      fix: '请填写：它位于金字塔顶端。',
    },
    'unread-strategy-row': {
      message:
        '“{strategyTab}”表的“{label}”（{cell}）不是模板的字段，其内容不会被读取；而计划仍缺少{missing}。',
      fix: '如果这一行就是其中之一，请在 {cell} 把“{label}”改为该字段的名称；如果是你自己的备注，保留即可。',
    },
    'funnel-mismatch': {
      message: '{count} × {rate}（{countId} × {rateId}）得出 {implied}，但目标 {id} 写的是 {named}。',
      fix: '对齐漏斗：调整关键结果或目标，让数字相互吻合。',
    },
    'objective-without-key-results': {
      message: '目标 {id} 没有关键结果。',
      fix: '添加不超过三个可衡量的关键结果。',
    },
    'running-total': {
      message:
        '{id}：其实际数据（{values}）逐月上升，像是累计值。按每月新增的数量相加为 {total}（目标值的 {attainment}）；若是截至当月的累计值，则为 {latest}（{meant}）。',
      fix: '累计型数值应填写当月新增的数量。若这些是截至当月的累计值，请改为填写每月新增的数量：{amounts}。',
    },
    'to-date-header': {
      message:
        '表头“{header}”注明“{word}”：其下方的数值看来是至今的累计值，但累计型关键结果的实际数据会按每月新增的数量相加：{counted}。',
      fix: '请填写每月本身新增的数量（该累计值减去前一次的累计值）；如果这些数值本来就是每月新增的数量，请从表头中删去“{word}”。',
    },
    'to-date-header-wide': {
      message:
        '表头“{header}”注明“{word}”：各月份下的数字看来是至今的累计值，但累计型关键结果的实际数据会按每月新增的数量相加：{counted}。',
      fix: '请在各单元格填写该月本身新增的数量（该月的累计值减去前一个月的累计值）：{amounts}。如果这些数字本来就是每月新增的数量，请从“{header}”及其他写有该词的表头中删去“{word}”。',
    },
    'to-date-note': {
      message:
        '{id} 这条实际数据的“{column}”写着“{word}”：{value} 看来是至今的累计值，但累计型关键结果的实际数据会按每月新增的数量相加，因此它全部计入 {month}。',
      fix: '请只填写 {month} 新增的数量：{amount}（{value} 减去前一次的累计值 {before}）；如果 {value} 就是当月新增的数量，请从“{column}”中删去“{word}”。',
    },
    'plan-rows-in-actuals': {
      message:
        '“{tab}”表的“{header}”列有 {count} 行写着“{word}”（第 {rows} 行，如 {id} 的）：这些行是目标，不是实际值，因此未计入实际数据。',
      fix: '目标请填在“{keyResultsTab}”表的“{target}”列（每月的目标见“{targetsTab}”表），“{tab}”表只留实际值。如果这些行是实际值，请把它们的“{header}”改为“{actual}”。',
    },
    'to-date-rows-in-actuals': {
      message:
        '“{tab}”表的“{header}”列有 {count} 行写着“{word}”（第 {rows} 行，如 {id} 的）：这些是累计至今的数值，而这些指标的实际值另有各自的行，因此不重复计入。',
      fix: '无需修改：每月的实际值会相加成累计值。如果累计值是某个指标唯一的数字，请删除该指标的其他行，或改填每月新增的数量。',
    },
    'stale-check-in': {
      message: '{id} 缺少 {month} 的实际数据。',
      fix: '在“{actualsTab}”表中添加 {month} 的数据。',
    },
    'stale-check-in-wide': {
      message: '{id} 缺少 {month} 的实际数据。',
      fix: '{id} 在 {month} 的数字填在它所在的行与该月份列的交会处：{where}',
    },
    'behind-pace': {
      message: '{id} {status}：达成率 {attainment}，按计划此时应为 {expected}。',
      fix: '在下次复盘会议中讨论；如需调整计划或目标值，请注明原因。',
    },
    'currency-mismatch': {
      message: '{id} 的“{field}”为“{value}”，币种为 {found}，但计划的货币是 {currency}。',
      fix: '请以 {currency}（“{strategyTab}”表中的货币）填写金额：系统不做汇率换算。{fromFormat}',
    },
    'unit-mismatch': {
      message: '{id} 的“{field}”为“{value}”，单位为 {found}，但 {id} 的单位是 {unit}。',
      fix: '{typeIt}。{fromFormat}',
    },
    'unit-in-plain-number': {
      message: '{id} 的“{field}”为“{value}”：{what}。',
      fix: '请填写 {number}。',
    },
    'metric-currency-mismatch': {
      message: '{id} 的“{field}”为“{value}”，币种为 {found}，但 {id} 以“{unit}”计。',
      fix: '请以 {unit}（{id} 的“单位”）填写金额：指标有自己的货币时不按计划的货币计，系统也不做汇率换算。{fromFormat}',
    },
    'ambiguous-m': {
      message: '{id} 的“{field}”为“{value}”：{id} {counted}，此处的“m”可能指分钟、月或米，也可能指百万。',
      fix: '{asUnit}；如指百万，请填写 {number}百万。',
    },
    'decimal-mark': {
      message:
        '{id} 的“{field}”为“{value}”，只有以“{other}”作小数点时才是数字；此表格以“{mark}”作小数点（{source}）。',
      fix: '请填写 {suggestion}。',
    },
    'grouped-in-fours': {
      message:
        '{id} 的“{field}”为“{value}”：按万位每四位分组，是 {grouped}{alsoDecimal}；此表格按每三位分组（50,000），因此未读取。',
      fix: '请填写 {grouped}{orDecimal}。',
    },
    'ambiguous-number': {
      message:
        '{id} 的“{field}”为“{value}”，读作 {read}；在以逗号作小数点的表格（de_DE、fr_FR 等）中它表示 {other}。',
      fix: '如果它表示 {other}，请用 gtm-pyramid --locale 指定表格的区域设置（de_DE），或在数字单元格中填写该数字。',
    },
    'comma-decimal-ambiguous': {
      message:
        '{id} 的“{field}”为“{value}”，读作 {read}，因为此表格以逗号作小数点；若逗号是千位分隔符，它表示 {other}。',
      fix: '如果它表示 {other}，请填写 {other}；如果表示 {read}，请填写 {read}。',
    },
    'unknown-language': {
      message: '无法识别语言“{value}”，计划按{used}处理。',
      fix: '请填写 en、zh-CN 或 zh-TW（或 English、简体中文、繁體中文）。',
    },
    'unknown-currency': {
      message:
        '“货币”单元格中的“{value}”不是可识别的货币：带货币符号或代码填写的金额都会因币种不符而不予读取。',
      fix: '请填写 ISO 代码（USD、EUR、TWD、CNY）或货币名称（美元、欧元、新台币、人民币）；留空则不检查金额的币种。',
    },
    'currency-scale': {
      message:
        '“货币”单元格中的“{value}”注明了倍数（{note}），但金额按填写的数值读取：3000 就是 {currency} 3000，而不是 3000 × {multiple}。',
      fix: '此处只填写 {currency}；如要让指标以{note}计，请为其设置以此倍数计的“单位”（{value}），此后单独的数字即以该倍数计。',
    },
    'target-equals-baseline': {
      message: '{id} 的目标值等于基线（{value}）：没有需要达成的量，因此 {id} 不计入进度。',
      fix: '填写 {id} 要达到的值，它必须与基线不同。',
    },
    'percent-as-whole-number': {
      message: '{id} 的“{field}”：{value} 看起来是 {number}% —— 请填写 {number}% 或 {ratio}。{consequence}',
      fix: '百分比指标（单位为 %，或是转化率、留存率、CTR 等比率）中，13% 即数字 0.13：请带上百分号，或填写小数。如要按整数计，请把单位改为不表示比率的名称（如 点、次）。',
    },
    'percent-one': {
      message:
        '{id} 的“{field}”：1 会按 100% 读取，与其计划不符。如果想填 1%，请填写 1%；如果是 100%，请填写 100%。{consequence}',
      fix: '请带上百分号：1% 即数字 0.01，100% 即数字 1。带百分号的数值按所填读取。',
    },
    'confidence-ambiguous': {
      message:
        '{id} 的信心为 {value}：是 {tenths}（10 分制的 {number} 分）还是 {percent}？写明之前不予显示。',
      fix: '10 分制的 {number} 分请填写 {tenths}，否则填写 {percent}。',
    },
    'percent-plan-as-whole-number': {
      message:
        '{id}：计划填写为 {plan}，即 {read}，但其实际数据（{values}）只有约百分之一：计划似乎按整数百分比填写。修正前，其实际数据不计入。',
      fix: '如果计划是 {meant}，请按此填写并带上百分号（或填写 {ratios}）；如果是实际数据有误，请更正实际数据。',
    },
    'plan-typed-in-full': {
      message:
        '{id} 以“{unit}”计，目标值 {target} 即 {target} {unit}，但其实际数据（{values}）只有计划至 {month} 应达成数的约 {factor} 分之一：目标值似乎填写了完整数值，而不是以“{unit}”计。修正前，其实际数据不计入。',
      fix: '如果目标值总共是 {target}，请填写 {scaled}（以“{unit}”计）；如果确实是 {target} {unit}，请更正实际数据。',
    },
    'confidence-out-of-range': {
      message: '{id} 的信心为 {value}；信心应在 0% 到 100% 之间，因此不予显示。',
      fix: '请填写信心，例如 70%、0.7 或 70。',
    },
    'time-not-a-number': {
      message: '{id} 的“{field}”为时间 {value}，不是数字，因此未读取。',
      fix: '请在数字格式的单元格中按单位填写数字：以小时计填写 {hours}，以分钟计填写 {minutes}。',
    },
    'negative-weight': {
      message: '{id} 的权重为 {value}：权重应为 0 或以上，因此在修正之前，{id} 在目标得分中按权重 1 计算。',
      fix: '请填写 0 或以上的权重，例如 1（等权）或 2（计两次），或留空（即 1）。',
    },
    'weight-scales-mixed': {
      message:
        '{id} 的权重为 {value}，没有 % 符号，而目标 {objective} 的其他关键结果的权重以 % 填写（{others}）：它按 {asPercent} 计算，而不是 {number}%。',
      fix: '如果指的是 {number}%，请填写 {number}%（或 {ratio}）；如果是相对权重，请把 {objective} 的其他权重也填写为不带 % 的数字。',
    },
    'weight-ratio-mixed': {
      message:
        '{id} 的权重为 {value}，而目标 {objective} 的其他权重为 {others}：{replaced}合计正好为 100，看来指的是 {number}%。按填写的值，它只占该目标的 {share}。',
      fix: '如果指的是 {number}%，请填写 {number}，与其他权重同一尺度；如果是相对权重，请保持不变。',
    },
    'weight-blank-mixed': {
      message:
        '{id} 的权重（{value}）按 1（100%）计算，而目标 {objective} 的其他关键结果的权重以 % 填写（{others}）。',
      fix: '请同样以 % 填写其权重：权重 1 或空白只在不带 % 的权重之间才是等权。',
    },
    'weight-blank-fractions': {
      message:
        '{id} 的权重（{value}）按 1 计算，而目标 {objective} 的其他权重是 1 的份额（{others}，合计 {sum}），因此它占该目标的 {share}。若是 1 余下的份额，应为 {rest}。',
      fix: '若是余下的份额，请填写 {rest}；若权重是相对值，可保留或填写其权重：空白的权重按 1 计算。',
    },
    'id-number-ambiguous': {
      message:
        '实际数据第 {row} 行的指标是数字 {value}，它可以是 {ids} 中任何一个：非文本单元格会把“1.10”存为 1.1，因此该行不计入。',
      fix: '请把“指标”列设为纯文本（格式 → 数字 → 纯文本）后重新填写编号，或填写为 {text}。',
    },
    'id-number-matched': {
      message: '实际数据第 {row} 行的指标是数字 {value}，已计入 {id}：非文本单元格会把“{id}”存为 {value}。',
      fix: '请把“指标”列设为纯文本（格式 → 数字 → 纯文本）后重新填写编号，或填写为 {text}。',
    },
    'duplicate-check-in': {
      message: '实际数据第 {row} 行与第 {other} 行重复（{metric}，{date}，{value}），只计一次。',
      fix: '删除重复的行；如果是另一条实际值，请更正其日期或数值。',
    },
    'same-day-amounts': {
      message:
        '实际数据第 {row} 行（{metric}，{date}，{value}）与第 {other} 行（{otherValue}）日期相同：两个数值都计入，相加。',
      fix: '如果第 {row} 行是对第 {other} 行的更正，请删除第 {other} 行；如果第 {row} 行是上方各行的小计或合计，请删除第 {row} 行；只有两者确实是同一天的两笔数值时，才无需处理。',
    },
    'subtotal-check-in': {
      message:
        '实际数据第 {row} 行（{metric}，{date}，{value}）是小计：其“{column}”写着“{word}”，数值等于上方 {count} 条 {metric} 实际数据（第 {first} 至 {last} 行）的总和。此行不计入，以免这些数值重复计算。',
      fix: '删除此行，或把小计放到其他工作表：此表的每一行都计为实际数据。如果它是一条独立的实际值，请从“{column}”中删去“{word}”，它就会计入。',
    },
    'same-day-readings': {
      message:
        '实际数据第 {row} 行（{metric}，{date}，{value}）与第 {other} 行（{otherValue}）日期相同：只计入较后的第 {row} 行。',
      fix: '删除有误的那一行，或更正其日期。',
    },
    'check-in-before-start': {
      message: '实际数据第 {row} 行（{metric}，{date}）早于 {metric} 的开始月份（{start}），不计入。',
      fix: '更正日期，或把 {metric} 的开始日期提前。',
    },
    'check-in-after-due': {
      message: '实际数据第 {row} 行（{metric}，{date}）晚于 {metric} 的截止月份（{due}），不计入。',
      fix: '更正日期（例如年份输错，把 2026 写成了 2027），或把 {metric} 的截止日期推后。',
    },
    'check-in-off-scale': {
      message:
        '实际数据第 {row} 行（{metric}，{date}）：{value} 是 {metric} 基线与目标值中较大者（{scale}）的 {factor} 倍。{counted}',
      fix: '检查数字是否多写了零，以及是否与 {metric} 的单位一致（以千为单位的目标值 50 表示 50,000）；如果每条实际数据都相差这么多，应检查 {metric} 的目标值（在计数指标中填 20% 会读作 0.2）。',
    },
    'month-over-target': {
      message:
        '实际数据第 {row} 行（{metric}，{date}）：一个月的 {value} 超过了 {metric} 的全部目标值（{span}）。{counted}',
      fix: '检查数字是否多写了零，以及它是否只是当月的数量（而不是累计至今的总数），单位与 {metric} 一致；如果每个月都超过，应检查 {metric} 的目标值（在计数指标中填 20% 会读作 0.2）。',
    },
    'month-far-above-plan': {
      message:
        '实际数据第 {row} 行（{metric}，{date}）：一个月的 {value} 超过当月计划（{planned}）的五倍，也超过 {metric} 全部目标值（{span}）的一半。{counted}',
      fix: '检查数字是否多写了零（4,900 写成了 49,000），以及它是否只是当月的数量（而不是累计至今的总数）；如果当月确实这么多，保留即可。',
    },
    'percent-change-in-unit': {
      message:
        '{id} 的“{field}”为“{value}”，是百分比增幅，但其单位“{unit}”不是百分比：目标值是要达到的数值，而不是增长多少。{consequence}',
      fix: '请以 {unit} 填写 {id} 要达到的数值（在 50,000 上增长 20%，请填写 60000）。',
    },
    'percent-in-unit': {
      message:
        '{id} 的“{field}”为“{value}”，是百分比，但其单位“{unit}”没有说明这一点：{id} 按百分比读取，如同其单位为“{percentUnit}”，其实际数据亦然（把 12% 写成 12 会报错）。',
      fix: '如果 {id} 是百分比，请把单位写成百分比：% 或 {percentUnit}。如果它以 {unit} 计，请以 {unit} 填写数值，不带百分号（+20% 这样的增幅不是目标值，请填写变化后要达到的数值）。',
    },
    'percent-reading-high': {
      message:
        '实际数据第 {row} 行（{metric}，{date}）：{value} 按 {percent} 计入。如果想填 {number}%，请填写 {number}% 或 {ratio}。',
      fix: '请带上百分号：3% 即数字 0.03，300% 即数字 3。',
    },
    'percent-reading-low': {
      message:
        '实际数据第 {row} 行（{metric}，{date}）：{value} 按 {percent} 计入，约为 {metric} 计划（{plan}）的百分之一。如果想填 {meant}，请填写 {meant} 或 {ratio}。',
      fix: '百分比请带上百分号（86%）或填写它代表的数字（0.86），不要两者并用：0.86% 即数字 0.0086。',
    },
    'percent-readings-low': {
      message:
        '{metric} 的每一条实际数据（共 {count} 条，{lowest} 至 {highest}）都约为其计划（{plan}）的百分之一，因此 {metric} 看起来与计划相差很远。如果想填 {lowestMeant} 至 {highestMeant}，请照此填写。',
      fix: '百分比请带上百分号（6%）或填写它代表的数字（0.06），不要两者并用：0.06% 即数字 0.0006。',
    },
    'percent-reading-drop': {
      message:
        '实际数据第 {row} 行（{metric}，{date}）：{value} 按 {percent} 计入，约为 {metric} 前一次读数（{otherDate}：{otherValue}）的百分之一。如果想填 {meant}，请填写 {meant} 或 {ratio}。',
      fix: '百分比请带上百分号（13%）或填写它代表的数字（0.13），不要两者并用：0.13% 即数字 0.0013。',
    },
    'check-in-after-period': {
      message: '实际数据第 {row} 行（{metric}，{date}）晚于计划周期的结束月份（{due}），不计入。',
      fix: '更正日期（例如年份输错，把 2026 写成了 2027），或在“{strategyTab}”表中调整周期。',
    },
    'compact-date': {
      message:
        '{id} 的“{field}”为“{value}”，是没有分隔符的日期（{reading}）：表格不会把它当作日期，因此不予使用。',
      fix: '请填写 {meant}。',
    },
    'span-date': {
      message:
        '{id} 的“{field}”为“{value}”，是一段期间（{first} – {last}），不是某一天：数值计入其日期所在的月份。',
      fix: '请填写测量当天的日期，例如 {last}；每个月的数值各填一行。',
    },
    'date-out-of-range': {
      message:
        '{id} 的“{field}”为“{value}”，表格会把它读成 {day}：远在计划涵盖的 {first}–{last} 年之外，因此不予使用。',
      fix: '请按 2026-03-01 的格式填写日期。',
    },
    'yes-no-not-milestone': {
      message:
        '{id} 的“{field}”为“{value}”，表示完成与否：只有里程碑这样填写（记为 1 或 0），而 {id} {takes}。不计入。',
      fix: '请填写数字。只有完成与否之分的关键结果是里程碑（类型填写“里程碑”），其实际数据为 1（完成）或 0。',
    },
    YES_NO_TAKES: {
      cumulative: '是累计型：填写当月的数量，例如 5000',
      reading: '填写当天的读数，例如 20% 或 5000',
      kpi: '是 KPI：填写当天的读数，例如 20% 或 5000',
    },
    'milestone-check-in': {
      message:
        '实际数据第 {row} 行：{metric} 是里程碑，数值只能是 1（完成）或 0（未完成），不能是 {value}；不计入。',
      fix: '里程碑完成时填写 1。',
    },
    'negative-check-in': {
      message: '实际数据第 {row} 行：{metric} 是向上累计的数量，{value} 不可能是某个月的发生量；不计入。',
      fix: '请填写当月新增的数量（0 或以上），而不是累计值或差值。',
    },
    UNREAD_STRATEGY_ROWS: '{rows}旁的内容未被读取，因为模板没有这个名称的字段：如果它就是这一项，请改名。',
    UNREAD_STRATEGY_ROW: '“{label}”（{cell}）',
    STRATEGY_NO_ROW: '“{sheet}”表中没有名为“{field}”的行：请先在 {cell} 填写“{field}”。',
    WEIGHT_RATIO_ONE: '换成 {number} 后',
    WEIGHT_RATIO_SEVERAL: '把 {values} 分别换成 {numbers} 后',
    TO_DATE_COUNTED: '{id} 计为 {total}，而其最新的累计值为 {latest}',
    TO_DATE_AMOUNTS: '{id}：{cells}',
    TO_DATE_CELL: '{cell} 填 {amount}',
    WEIGHT_BLANK: '空白',
    HIDDEN_TAB: '（该表已隐藏）',
    HIDDEN_COLUMN: '（该列已隐藏）',
    MISSING_COLUMN_NEAR: '表头“{header}”（{cell}）可能就是该列：如果是，请改名为“{column}”。',
    GROUPED_IN_FOURS: {
      alsoDecimal: '（以逗号作小数点则是 {decimal}）',
      orDecimal: '；如为小数，请填写 {decimal}',
    },
    PLAIN_NUMBER: {
      weight: '权重是纯数字，不带单位或货币',
      confidence: '信心是纯数字或百分比，不带单位或货币',
    },
    NUMBER_EXAMPLE: {
      number: '50000 或 20%',
      confidence: '70% 或 0.7',
      weight: '40% 或 2',
    },
    FROM_FORMAT: {
      currency:
        '{found} 来自单元格的数字格式，重新输入金额后仍会保留：请将单元格的数字格式（格式 → 数字）改为 {to} 或常规数字。',
      plain:
        '{found} 来自单元格的数字格式，重新输入数字后仍会保留：请将单元格的数字格式（格式 → 数字）改为常规数字。',
    },
    UNIT_MISMATCH: {
      converted: '请填写 {number}：{value} 即 {number} {unit}',
      inUnit: '请填写以 {unit} 计的数字',
      noUnit: '请只填写数字，或在“{unitColumn}”列写明单位',
    },
    AMBIGUOUS_M: {
      countedIn: '以“{unit}”计',
      noUnit: '没有单位',
      forUnit: '如指“{unit}”，请填写 {number} {unit}（或只填 {number}）',
      forNoUnit: '如指分钟、月或米，请填写 {number}，并在“单位”列写明单位',
    },
    COUNTED: {
      now: '已计入。',
      later: '目前尚未计入：{month} 结束后才会计入。',
    },
    WIDE_TARGETS_TAB: {
      read: `“{targetsTab}”表的累计至今各列也读取这些月份，按 ID 找到每个指标所在的行，无论它在哪一行；新增或移动月份列后，请再执行“${DECOMPOSE}”。`,
      unread: `“{targetsTab}”表的累计至今各列只在月份列按月份顺序相邻、中间不缺月份时才读取（1月 | 2月 | 3月 …，中间没有目标列）：此处不是这样，这些列会保持空白。请把月份列排在一起，或按“{usualLayout}”逐行记录实际数据，然后再执行“${DECOMPOSE}”。`,
    },
    WIDE_TARGETS_LEFT_OUT:
      '每个月只读取标明为实际值的那一列，目标列不读取（共 {count} 列，第一列为“{first}”）。',
    MONTH_ACTUAL_WHERE: {
      below:
        '在月份下一行（{cells}）把实际值那一列的表头写为“{actual}”，目标那一列写为“{target}”：实际值列按实际数据读取，目标列不读取。',
      inHeader:
        '把实际值那一列的表头写为“{actual}”，目标那一列写为“{target}”（{cells}）：实际值列按实际数据读取，目标列不读取。',
      unmerged:
        '把“{header}”合并到它所有的列之上（{cells}），并在下一行把实际值那一列写为“{actual}”、目标那一列写为“{target}”：实际值列按实际数据读取，目标列不读取。',
    },
    MONTH_ACTUAL_WHY: {
      several: '有多列（{columns}），但没有一列标明是实际值：无法判断哪一列是实际值',
      unheaded:
        '只在 {cells}（{columns}）之上，下一行却也标明了其后的列（{beside}），而它们上方空白（{blank}）：无法判断哪些列属于这个月',
    },
    MONTH_HEADER_YEAR: {
      twoYears: '计划期间（{start} 至 {end}）跨两个年度',
      noPeriod: '策略表没有可取年份的计划期间',
    },
    STALE_CHECK_IN_WIDE: {
      cell: '填入 {cell}。',
      noColumn: '新增一列，表头写 {month}，填入 {cell}。',
      noRow: '新增一行，在指标表头（{metric}）下填写 {id}，再填入 {cell}。',
      neither: '新增一行，在指标表头（{metric}）下填写 {id}，再新增一列，表头写 {month}，在两者交会处填写。',
    },
    PERCENT_CONSEQUENCES: {
      notCounted: '该数值不计入。',
      leftOut: '修正前，该关键结果不计入进度。',
      kpiLeftOut: '修正前，该 KPI 不计入进度。',
    },
  },
  status: {
    'not-started': '未开始',
    'on-track': '正常',
    'at-risk': '有风险',
    'off-track': '落后',
    done: '已完成',
    'no-data': '无数据',
    missed: '未达成',
    'needs-attention': '需关注',
  },
  example: {
    strategy: {
      product: 'GEO Monitor：AI 搜索优化监测软件',
      vision: '让每个品牌都能被客户所用的 AI 助手找到并被准确描述。',
      strategy: '以最准确的 GEO 监测赢得出海企业的市场团队：以免费试用切入，按团队逐步扩展。',
      targetUsers: '出海企业的市场营销团队。',
      problem: '针对海外大语言模型优化内容很难；我们展示 AI 助手如何看待品牌，以及该改什么。',
      category: '生成式引擎优化（GEO）监测软件；覆盖最多的海外 AI 助手，给出可执行的改进，而不只是分数。',
      businessGoal: '两年内成为前三的 GEO 平台，拥有 3,000 家企业客户。',
    },
    D: {
      sales: '销售',
      marketing: '市场',
      operations: '运营',
      rnd: '研发',
      support: '客服',
    },
    rows: {
      objectives: {
        O1: {
          title: '今年发布新产品并转化 1,000 家新客户',
          notes: '本次上市的公司级目标。',
        },
        O2: {
          title: '交付出海市场团队信赖的 GEO 监测产品',
        },
      },
      keyResults: {
        KR1: {
          title: '六个月内实现 100 万美元销售额',
        },
        KR2: {
          title: '年底前获得 50,000 个试用注册',
          unit: '注册数',
        },
        KR3: {
          title: '年底前试用转付费率达到 20%',
        },
        KR4: {
          title: '3 月底前在所有首发市场发布 v1.0',
        },
        KR5: {
          title: '年底前 AI 回答准确率达到 90%',
        },
      },
      kpis: {
        KPI1: {
          name: '月度收入增长率',
        },
        KPI2: {
          name: '首次响应时间',
          unit: '小时',
        },
        KPI3: {
          name: '每月新增注册数',
          unit: '注册数',
        },
      },
      roadmap: {
        R1: {
          item: '与 20 家设计伙伴进行内测',
        },
        R2: {
          item: '发布会营销与官网',
        },
        R3: {
          item: 'v1.0 正式发布',
        },
        R4: {
          item: '销售手册与渠道伙伴',
        },
        R5: {
          item: '新手引导与试用培育流程',
        },
        R6: {
          item: '内容与线上研讨会计划',
        },
        R7: {
          item: '大客户攻坚',
        },
        R8: {
          item: '覆盖三个时区的客服中心',
        },
        R9: {
          item: '回答准确率改进',
        },
      },
      actuals: {
        '3': {
          note: 'v1.0 已在美国、英国和新加坡发布。',
        },
      },
      changes: {
        KR3: {
          sheet: '关键结果',
          field: '目标值',
          reason: '试用用户质量低于预期；6 月复盘会上一致同意下调。',
        },
      },
    },
    broken: { partnerTrials: '年底前渠道伙伴带来 500 个试用', costPerTrial: '单个试用成本' },
  },
  addon: {
    menuInsertTemplates: '插入模板',
    menuInsertExample: '插入示例计划',
    menuDecompose: DECOMPOSE,
    menuCheckPlan: '检查计划',
    menuHelp: '帮助',
    addonTitle: 'GTM 金字塔',
    templatesTitle: '插入模板',
    templatesNothing: '所有模板工作表和列都已存在：未做任何更改。',
    templatesTabsAdded: '已添加工作表：{list}。',
    templatesColumnsAdded: '已在“{tab}”末尾添加列：{list}。',
    templatesFieldsAdded: '已在“{tab}”添加行：{list}。',
    templatesHeaderFilled: '已为空白工作表“{tab}”写入表头。',
    templatesSkipped: '“{tab}”有内容，但未找到可识别的表头行，已保持原样。',
    changeLogOldNotKnown: '未知：一次修改了多个单元格（粘贴、填充或排序）',
    changeLogValues: '{count} 个值：请查看“文件 › 版本记录”',
    changeLogRowCleared:
      '未知：此行现已为空，ID 单元格也是（已清除，除非原本就是空的）：请查看“文件 › 版本记录”',
    changeLogRowsCleared:
      '未知：{count} 行现已为空，ID 单元格也是（已清除，除非原本就是空的）：请查看“文件 › 版本记录”',
    templatesKept: '你的单元格均未被修改。',
    templatesInterrupted:
      '“插入模板”未完成（{reason}）。它在设置“{tab}”时中断：要在那里添加的表头尚未写入，这部分尚未完成。',
    templatesInterruptedRerun:
      '你的单元格均未被修改。请再运行一次“插入模板”来完成：它会补全未完成的部分，已就绪的部分不会改动。',
    templatesColumnNear:
      '没有在“{tab}”中添加“{column}”列：表头“{header}”（{cell}）可能就是该列。如果是，请把它改名为“{column}”；如果是你自己的列，请在空白列中自行添加表头“{column}”。',
    exampleTitle: '插入示例计划',
    exampleRefused:
      '以下工作表已有数据，因此未插入示例计划：{list}。请使用空白表格，或先将这些工作表改名。未做任何更改。',
    exampleDone: '已插入示例计划（{product}）：{list}。',
    exampleAlreadyIn: '示例计划（{product}）已在此表格中，目标也已分解。未做任何更改。',
    exampleFinished: '已完成先前一次运行未完成的示例计划（{product}）；它已写入的行保持原样。',
    exampleRowsAdded: '已将其行添加到：{list}。',
    exampleInterrupted: '“插入示例计划”未完成（{reason}）。',
    exampleStoppedInTemplates: '它在设置模板工作表（“{tab}”）时中断，尚未写入示例的任何行。',
    exampleStoppedNoRows: '模板工作表已就绪，但示例的行尚未写入。',
    exampleStoppedRows: '示例的行已写入：{list}。其他工作表目前只有表头，目标也尚未分解。',
    exampleStoppedTargets: '示例的行已写入其所有工作表，只是目标尚未分解。',
    exampleRerun:
      '你输入的内容均未被修改。请再运行一次“插入示例计划”来完成：它会识别自己已写入的行，并补上其余部分。',
    decomposeTitle: DECOMPOSE,
    decomposeBlocked: '暂时无法分解目标值：',
    decomposeBlockedLine: '• {cell}：{message}{fix}',
    decomposeNoTabs: '请先运行“插入模板”，再填写计划。',
    decomposeRenamed: `目标分解在“{tab}”表中（“{cell}”单元格在那里），而不是名为“{name}”的表：请把“{tab}”改回“{name}”，再运行“${DECOMPOSE}”。未做任何更改。`,
    decomposeNotGenerated: `工作表“{tab}”中的内容不是生成的目标分解（第一行不是其表头），因此未作改动。请先将该工作表改名，再运行“${DECOMPOSE}”。`,
    decomposeHandTyped: `“${DECOMPOSE}”会根据计划重建“{tab}”，这会清除不是由它生成的列、行或单元格中输入的内容（值或公式）：{cells}。请先把这些内容移到其他工作表，再运行“${DECOMPOSE}”。未做任何更改。`,
    decomposeDone:
      '已重建“{tab}”：{krs} 个关键结果和 {kpis} 个 KPI，共 {months} 个月（{from} – {to}），均为随计划表自动重算的公式。',
    decomposeWeightsKept: '已保留自定义权重：{list}。',
    decomposeWeightsDropped:
      '以下自定义权重未保留，请在对应位置重新填写：{list}。（“文件 > 版本记录”中有原来的行。）',
    decomposeWeightsNoRow: '{id}（已没有权重行：其编号、类型或分解方式已更改，或已删除）：{weights}',
    decomposeWeightsOutside: '{id} 在周期之外的月份：{weights}',
    decomposeWeightEntry: '{month}：{value}',
    decomposeRowsMoved:
      '为使每个关键结果和 KPI 保持在“{tab}”中自己的行上，插入或删除了行，因此 {count} 行移动了位置：{list}。本表格中指向这些行的公式已随之移动；表格无法移动的引用（INDIRECT 中以文本写的行、其他文件中的 IMPORTRANGE、脚本）仍指向原来的行。',
    decomposeRowMove: '{id} 第 {from} 行 → 第 {to} 行',
    decomposeRowsRemoved:
      '已删除计划中不再有的关键结果和 KPI 的行：{list}。原先指向这些行的公式会显示 #REF!。',
    decomposeRowRemoved: '{id}（第 {row} 行）',
    decomposeRowsLeft: `“{tab}”中留下了空行（{rows}），因为删除它们失败（{reason}）：请删除这些行，或再运行一次“${DECOMPOSE}”。`,
    decomposeNotesDropped:
      '“{tab}”中已不存在的单元格上的备注（计划中已没有的关键结果、KPI 或月份），请在对应位置重新添加：{list}。',
    decomposeTypedKept: `“{tab}”中覆盖了月度公式的手填数字已按原样保留：{list}。这些单元格显示的不是计划的数值；如需恢复，请清空该单元格，再执行“${DECOMPOSE}”。`,
    decomposeTypedReplaced: '已按要求用计划的数值替换手填的内容：{list}。',
    decomposeTypedDropped:
      '“{tab}”中已不存在的单元格上覆盖了月度公式的手填数字（计划中已没有的关键结果、KPI 或月份），请在对应位置重新填写：{list}。',
    decomposeTypedEntry: '{cell}（{id}，{month}）：{value}',
    decomposeCellsMore: '另有 {count} 个',
    decomposeRestored: `“${DECOMPOSE}”未完成（{reason}）。“{tab}”已恢复原样，包括自定义权重和“{cell}”单元格。请再运行一次“${DECOMPOSE}”。`,
    decomposeNotRestored: `“${DECOMPOSE}”未完成（{reason}），且“{tab}”无法恢复原样（{restoreReason}）。请通过“文件 > 版本记录”恢复，再运行“${DECOMPOSE}”。`,
    decomposeNewTabRemoved: `“${DECOMPOSE}”未完成（{reason}）；已删除新建的“{tab}”。请再运行一次“${DECOMPOSE}”。`,
    decomposeAsOfReset:
      '“{cell}”单元格原为{previous}，现已改回今天（{today}）。如需按该日期评估，请重新填写评估日期。',
    decomposeIssues: '计划中发现 {count} 个问题（从 {cells} 开始）；请打开“检查计划”查看。',
    decomposeBreaks: '“{tab}”表的公式无法按原样读取计划中的这些单元格，读取它们的行可能出错：',
    decomposeBreaksPeriod:
      '“{tab}”表的公式无法按原样读取计划中的这些单元格。首先是计划周期：凡是按周期计算月份的行（关键结果没有自己的开始或截止日期时）都可能出错，直到周期改为以日期输入。',
    decomposeBreaksMore: '……另有 {count} 个这样的单元格：请打开“检查计划”逐一修正。',
    decomposeOtherIssues: '计划中另有 {count} 个问题（从 {cells} 开始）；请打开“检查计划”查看。',
    decomposeCountsRefused:
      '“{tab}”表的公式计入了计划未计入的实际数据：{list}。请在原单元格修正，该表会随之更新。',
    decomposeReadsRefused:
      '“{tab}”表的公式使用了计划不采用的单元格：{list}。请在原单元格修正，该表会随之更新。',
    decomposeCellOf: '{cell}（{id}）',
    busy: '其他人正在更新此表格，请稍后再试。',
    failed: '“{action}”未完成：{reason}',
    helpTitle: 'GTM 金字塔：帮助',
    fnNotANumber: '{fn}：{arg}为“{value}”，不是数字。',
    fnAmbiguousM:
      '{fn}：{arg}为“{value}”，此处的“m”可能指分钟、月或米，也可能指百万：请填写 {number}，如指百万，请填写 {number}百万。',
    fnDecimalMark: '{fn}：{arg}为“{value}”，只有以另一种符号作小数点时才是数字；此表格写作 {suggestion}。',
    fnNotADate: '{fn}：{arg}为“{value}”，不是日期（请写成 2026-03-01）。',
    fnMissing: '{fn}：缺少{arg}。',
    fnChoice: '{fn}：{arg}为“{value}”，可选值：{allowed}。',
    fnReversed: '{fn}：截止日期 {due} 早于开始日期 {start}。',
    fnCustom: `{fn}：自定义分解需要权重；请使用“${DECOMPOSE}”并在“{targets}”中填写。`,
    fnShape: '{fn}：各区域的大小必须一致。',
    fnFailed: '{fn} 无法计算：{reason}',
    fnAtCell: '{message}位于结果的第 {row} 行第 {column} 列。',
    check: {
      checkFailed: '无法检查计划：{reason}',
      goToBadArgs: '“转到单元格”需要工作表名称和一个单元格，例如 B7。',
      goToNoSheet: '此表格中已没有名为“{sheet}”的工作表（可能已改名或删除）。未选中任何单元格。',
      goToOutside: '单元格 {cell} 超出了工作表“{sheet}”的范围。未选中任何单元格。',
      goToChanged:
        '检查后计划已有变化：{sheet}!{cell} 已没有这个问题（其上方可能插入或删除了行，或问题已修复）。未选中任何单元格。',
      goToDone: '已选中 {sheet}!{cell}。',
      fixTitle: '快速修复',
      fixFillId: '填入编号 {id}',
      fixAddDepartment: '把“{name}”添加到“{tab}”',
      fixRebuildTargets: '重建“{tab}”，按今天评估',
      fixTypeValue: '改为输入 {value}',
      fixTypeValueAt: '在 {cell} 改为输入 {value}',
      fixUseId: '改用 {id}',
      fixUseIdAt: '在 {cell} 改用 {id}',
      fixBadArgs: '快速修复请求无效。',
      fixGone: '该问题已不在计划中（可能已修复或表格已变化）。未写入任何内容。',
      fixNotOffered: '此问题没有安全的快速修复方式，请在表格中修改。',
      fixChanged: '提供此修复后表格已变化，现在的修复将是“{label}”。未写入任何内容。',
      fixFilledId: '已在 {cell} 写入编号 {id}。',
      fixAddedDepartment: '已将“{name}”添加到 {cell}。可补充负责人和颜色。',
      fixRebuilt: '已重建 {cell}。',
      fixTypedValue: '已在 {cell} 输入 {value}。',
      fixFormula:
        '单元格 {cell} 中是公式 {formula}，快速修复会覆盖它。未写入任何内容：请在公式引用的来源处修改。',
    },
    helpText: `插入模板：添加计划工作表（{tabs}），每个表头都有说明，并设置下拉选项和格式。可随时再次运行：只会补充缺少的部分。\n\n插入示例计划：在空白表格中填入示例计划。\n\n${DECOMPOSE}：在“{targets}”中为每个关键结果和 KPI 写入一行、每月一列的公式，按今天评估（其“{asOf}”单元格；之后可填写复盘日期，按该日评估）。自定义分解请在权重行填写权重，重建时会保留。\n\n检查计划：列出缺失或不一致之处，并指向需要修改的单元格。\n\n变更记录：关键结果或 KPI 的{fields}变更时，会在“{changes}”中添加一行，并记下变更人（Google 提供时为其账号的电子邮件）；请填写原因。\n\n自定义函数：=GTM_TARGET(…) 计算某月目标值，=GTM_STATUS(…) 给出状态；在单元格中输入即可查看参数说明。\n\n给管理层的报告：gtm-pyramid 命令行可根据本表格生成网页，并列出自上次报告以来的变化：gtm-pyramid report --sheet {sheetId} --previous <上次的 plan.json>。请发布到仅公司内部可访问的位置（如内网，或需用公司账号登录的网站）：公开网页会暴露您的目标值，以及变更人的电子邮件地址。`,
  },
  customFunctions: {
    args: {
      month: '月份',
      decimals: '小数位数',
      actual: '累计实际',
      expected: '累计应达',
    },
  },
  report: {
    labels: {
      colon: '：',
      skipToContent: '跳到正文',
      reportKind: '上市计划',
      period: '周期',
      asOf: '截至',
      source: '数据来源',
      contents: '目录',
      linkToSection: '本节链接',
      pyramid: '金字塔',
      pyramidIntro: '管理层自上而下阅读；各团队关注本层及上一层。',
      roadmap: '路线图',
      keyResults: '关键结果',
      kpis: 'KPI',
      departments: '部门',
      planCheck: '计划检查',
      changes: '变更记录',
      changesIntro: '目标值变更，最新的在前。',
      attentionTitle: '哪些落后，由谁负责',
      nothingOffTrack: '没有落后的项目：没有关键结果或 KPI 未达成、落后或有风险。',
      levelVision: '愿景',
      levelStrategy: '策略',
      levelTactics: '战术',
      levelKeyTasks: '关键任务',
      levelKeyTasksSub: '目标与关键结果',
      levelAssessment: '量化评估',
      levelAssessmentSub: 'KPI',
      notAnswered: '尚未回答',
      notRead: '无法读取：见错误',
      notUsed: '未采用：见错误',
      notSet: '未设置',
      owner: '负责部门',
      objective: '目标',
      target: '目标值',
      baseline: '基线',
      attainment: '达成率',
      expectedToDate: '此时应达成',
      currentValue: '当前值',
      checkedIn: '累计实际值',
      forecast: '截止日预测',
      status: '状态',
      due: '截止',
      start: '开始',
      score: '得分',
      confidence: '信心',
      type: '类型',
      finalScore: '最终得分',
      month: '月份',
      actual: '实际',
      dataTable: '数据表',
      latest: '最新',
      trackedBy: '跟踪指标',
      item: '事项',
      phase: '阶段',
      end: '结束',
      roadmapEmpty: '计划中还没有路线图事项。',
      noPhase: '未分阶段',
      unreadStatus: '无法识别',
      unreadStatusNote: '这不是计划认得的状态，不按任何状态计算：请从列表中选择。',
      roadmapExceptions: '未按计划进行的路线图事项',
      unreadTypeNote: '这不是计划认得的类型，关键结果不按任何类型评估：请看该单元格的错误。',
      department: '部门',
      lead: '负责人',
      objectives: '目标',
      roadmapItems: '路线图',
      noDepartments: '计划中没有列出部门。',
      ownsNothing: '没有负责任何事项',
      backToCompany: '返回公司总览',
      severityError: '错误',
      severityWarning: '警告',
      severityTip: '提示',
      where: '位置',
      fix: '修改方法',
      problem: '问题',
      noIssues: '没有发现问题：计划通过了全部检查。',
      allIssues: '全部计划问题',
      when: '时间',
      id: '编号',
      field: '字段',
      oldValue: '原值',
      newValue: '新值',
      who: '变更人',
      reason: '原因',
      noReason: '未填写原因',
      footer: '由 gtm-pyramid 生成。静态页面：无脚本、无跟踪、无网络请求。',
      none: '–',
    },
    phrases: {
      title: (product) => `${product}：上市计划`,
      objectivesCount: (_, t) => `${t} 个目标`,
      keyResultsCount: (_, t) => `${t} 个关键结果`,
      kpisCount: (_, t) => `${t} 个 KPI`,
      attainmentOver: (a, _, t, kind) => `${a}（计入 ${t} 个${kind === 'kr' ? '关键结果' : ' KPI'}）`,
      itemsCount: (_, t) => `${t} 个事项`,
      answered: (done, total) => `已回答 ${done}/${total}`,
      verdictObjectives: (parts, _total, t) => `${t} 个目标：${parts.join('，')}。`,
      statusCount: (count, status) => `${count} 个${status}`,
      noObjectives: () => '尚无目标。',
      problems: (_e, _w, e, w) => `计划中有 ${e} 个错误、${w} 个警告。`,
      noProblems: () => '计划通过了全部检查。',
      tips: (_, t) => `${t} 条提示`,
      through: (month) => `截至 ${month}`,
      milestoneDone: (date) => `已于 ${date}完成`,
      milestoneDoneLate: (date) => `逾期完成，${date}`,
      milestoneDue: (date) => `截止 ${date}`,
      milestoneOpen: () => '尚未完成',
      more: (_, t) => `另有 ${t} 项`,
      moreWorstFirst: (_, t) => `另有 ${t} 项；最需关注的列在前面`,
      chartCaption: (id, kind, actuals, to) =>
        kind === 'cumulative'
          ? `${id}：累计目标值路径${actuals ? '与实际值对比' : '；尚无实际值'}${to ? `，并预测至 ${to}` : ''}。`
          : kind === 'level'
            ? `${id}：计划水平路径${actuals ? '与实测值对比' : '；尚无实测值'}${to ? `，并按趋势预测至 ${to}` : ''}。`
            : `${id}：每月应达到的标准${actuals ? '与实测值对比' : '；尚无实测值'}。`,
      roadmapCaption: (lanes, items, milestones) =>
        `路线图：${lanes} 个部门泳道中的 ${items} 个事项，按阶段着色；${milestones ? `菱形标记 ${milestones} 个关键结果的截止日期，按状态着色；` : ''}虚线为截至日期。`,
      roadmapSummaryCaption: (lanes, items) =>
        `路线图概览：${lanes} 个部门泳道中的 ${items} 个事项，每个部门每个阶段一条；菱形为每月截止的关键结果数，按其中最差的状态着色。`,
      roadmapPhasesCaption: (departments, items, krs) =>
        `路线图概览：${departments} 个部门的 ${items} 个事项，每个阶段一条泳道（从最早开始到最晚结束）；菱形为每月截止的关键结果数（共 ${krs} 个），按其中最差的状态着色。各部门页面列出其事项。`,
      roadmapSummaryMarks: (mark) => `含有偏离计划事项的长条加上虚线外框，名称前加 ${mark} 与各状态的数量。`,
      roadmapOutside: (items, itemsText, krs, krsText, itemIds, krIds) =>
        `未绘出计划期间以外的${[
          items ? ` ${itemsText} 个事项${itemIds ? `（${itemIds}）` : ''}` : '',
          krs ? ` ${krsText} 个关键结果的截止日期${krIds ? `（${krIds}）` : ''}` : '',
        ]
          .filter(Boolean)
          .join('和')}。`,
      asOfRule: (date) => `截至 ${date}`,
      roadmapDoneLegend: (status) => `浅色条形：${status}`,
      roadmapExceptionLegend: (mark, statuses) => `虚线外框、名称前加 ${mark}：${statuses}`,
      largePlan: (krs, departments) =>
        `这是一个大型计划（${krs} 个关键结果）：本页为总览，${departments} 个部门各有独立页面列出其关键结果。`,
      chartsOmitted: (limit) =>
        `关键结果不超过 ${limit} 个的计划会为每个关键结果绘制图表；每张卡片下方的数据表列出了月度数字。`,
      issuesTruncated: (shown, total) =>
        `此级别共 ${total} 个问题，这里显示 ${shown} 个，每种问题都有；完整列表见“全部计划问题”。`,
      departmentTitle: (name) => `${name}：部门页面`,
      departmentSummary: (o, k, p, i) => `${o} · ${k} · ${p} · ${i}`,
      source: (file) => file,
      exampleSource: () => '内置示例计划',
      cellAt: (sheet, cell) => `${sheet} · ${cell}`,
      wholeTab: (sheet) => `${sheet}（工作表）`,
      forecastLabel: () => '预测',
      targetPath: (kind) =>
        kind === 'cumulative'
          ? '目标值路径'
          : kind === 'level'
            ? '计划水平'
            : kind === 'milestone'
              ? '计划'
              : '达标线',
      milestoneMarker: () => '关键结果截止',
      leadBy: (lead) => `负责人：${lead}`,
      planHasErrors: (_n, t) => `计划中有 ${t} 个错误：在修正之前，以下数字不包含受其影响的部分。`,
      leftOutError: (id, where) => `${id} 未计入：错误位于 ${where}`,
      leftOutSee: (id, where) => `${id} 未计入：见 ${where}`,
      leftOut: (id) => `${id} 未计入：没有目标值或日期`,
      leftOutHeadline: () => '未计入',
      leftOutMore: (count) => `……另有 ${count} 项，各自的单元格见计划检查`,
      changesMore: (_n, text) => `这里列出最近 ${text} 条变更；全部变更见 plan.json。`,
      monthsMet: (met, _judged, t) => `${t} 个月中有 ${met} 个月达标`,
      weightOf: (total, objective) => `${objective} 共 ${total}`,
    },
    sheet: {
      badSheetArg:
        '--sheet：“{value}”不是 Google 表格的网址或表格 ID；请从浏览器地址栏复制网址（https://docs.google.com/spreadsheets/d/…/edit）',
      badApiRoot: 'GTM_PYRAMID_SHEETS_API：“{value}”不是 http(s) 网址，例如 https://sheets.googleapis.com/',
      noCredentials:
        '表格 {id}：未找到 Google 凭据。在电脑上用您自己的 OAuth 客户端（client_secret.json：在您的 Google Cloud 项目“凭据”页面创建的“桌面应用”客户端）运行：gcloud auth application-default login --client-id-file=client_secret.json --scopes=https://www.googleapis.com/auth/spreadsheets.readonly,https://www.googleapis.com/auth/cloud-platform ；在 CI 中把 GOOGLE_APPLICATION_CREDENTIALS 设为服务账号密钥文件（或使用工作负载身份联合）。详见 {guide}',
      badCredentialsFile:
        '表格 {id}：GOOGLE_APPLICATION_CREDENTIALS 指向 {file}，无法用作 Google 凭据（{reason}）；请指向服务账号密钥文件（JSON），或取消设置以使用 gcloud 的登录',
      badCredentialsJson:
        '表格 {id}：GOOGLE_APPLICATION_CREDENTIALS 指向 {file}，它不是 JSON，因此不是 Google 密钥文件；请下载服务账号的 JSON 密钥（Google Cloud 控制台 › IAM 和管理 › 服务账号 › 该账号 › 密钥 › 添加密钥 › 创建新密钥 › JSON），并让 GOOGLE_APPLICATION_CREDENTIALS 指向它，或取消设置以使用 gcloud 的登录',
      unauthenticated:
        '表格 {id}：Google 拒绝了凭据（401：已过期或已撤销）；请重新运行 gcloud auth application-default login，或更新 GTM_PYRAMID_ACCESS_TOKEN',
      forbidden: '表格 {id}：没有读取权限（403）；请在 Google 表格中点击“共享”，把{who}添加为查看者',
      forbiddenServiceAccount: '服务账号“{email}”',
      forbiddenUser: '您登录 gcloud 时使用的 Google 账号（gcloud auth application-default login）',
      forbiddenToken: '“GTM_PYRAMID_ACCESS_TOKEN”所属的账号',
      scopeMissing:
        '表格 {id}：这些凭据不含 Google 表格的访问范围（403：访问范围不足），共享表格也无济于事；{fix}',
      scopeFixUser:
        '不带 --scopes 的 gcloud auth application-default login 不包含该范围（gcloud 自带的 OAuth 客户端也已不再授予该范围），请用您自己的 OAuth 客户端（client_secret.json：在您的 Google Cloud 项目“凭据”页面创建的“桌面应用”客户端）带上该范围重新登录：gcloud auth application-default login --client-id-file=client_secret.json --scopes=https://www.googleapis.com/auth/spreadsheets.readonly,https://www.googleapis.com/auth/cloud-platform',
      scopeFixToken: '请为 GTM_PYRAMID_ACCESS_TOKEN 换用带有 {scope} 范围的令牌',
      scopeFixServiceAccount:
        '服务账号 {email} 的令牌只有其所在虚拟机的访问权限范围，其中没有 Google 表格：请在虚拟机的访问权限范围中加入 {scope}（gcloud compute instances set-service-account --scopes），或改用密钥文件或工作负载身份联合',
      apiDisabled:
        '表格 {id}：这些凭据所属的 Google Cloud 项目未启用 Google Sheets API（403）；请启用：gcloud services enable sheets.googleapis.com',
      noQuotaProject:
        '表格 {id}：Google Sheets API 把 gcloud 登录的请求计入其配额项目，而您的登录没有设置配额项目（403）；请指定一个您已启用 Sheets API 的 Google Cloud 项目（gcloud services enable sheets.googleapis.com --project PROJECT_ID）：{fix}',
      noQuotaProjectFixAdc: 'gcloud auth application-default set-quota-project PROJECT_ID',
      noQuotaProjectFixToken:
        '取消设置 GTM_PYRAMID_ACCESS_TOKEN（其令牌不带配额项目），然后运行 gcloud auth application-default set-quota-project PROJECT_ID',
      notFound:
        '找不到 ID 为 {id} 的表格（404）；请从表格网址中复制 ID，即 https://docs.google.com/spreadsheets/d/ID/edit 中 /d/ 与 /edit 之间的部分，或直接传入完整网址',
      busy: '表格 {id}：重试 {attempts} 次后 Google 表格仍返回 {status}（{reason}）；未写入任何文件。请几分钟后再试',
      busyQuota: '读取配额暂时用尽',
      busyServer: 'Google 服务端故障',
      retrying:
        '表格 {id}：Google 表格返回 {status}（{reason}）；{seconds} 秒后重试（第 {attempt} 次，共 {tries} 次）',
      officeFile:
        '表格 {id}：这是存放在 Google 云端硬盘中的 Excel 文件，Google 表格打开它时没有转换格式，其 API 无法读取（400：不支持此文档）；请在 Google 表格中选择“文件”›“另存为 Google 表格”，再传入新表格的网址或 ID；或者下载它（“文件”›“下载”›“Microsoft Excel (.xlsx)”），改为传入该 .xlsx 文件而不用 --sheet',
      failed: '表格 {id}：Google 表格返回 {status}（{message}）；未写入任何文件',
      network: '表格 {id}：无法连接 {host}（{code}）；请检查网络连接或代理',
      timeout: '表格 {id}：{host} 在 {seconds} 秒内没有响应；请检查网络连接后重试',
      badResponse: '表格 {id}：{host} 的响应不是 Sheets API 的格式（{what}）',
      noPlanTabs: '表格“{title}”（{id}）：未找到计划工作表（现有：{tabs}）；应有{expected}',
    },
    file: {
      empty: '文件为空（0 字节），不是 .xlsx 工作簿',
      encrypted: '工作簿设有密码（已加密）；请取消密码，另存为 .xlsx 后重试',
      legacy: '这是旧版 Excel 97-2003（.xls）或其他旧版 Office 文件，不是 .xlsx 工作簿；请另存为 .xlsx',
      pdf: '这是 PDF 文件，不是 .xlsx 工作簿',
      markup: '这是 HTML 或 XML 文件，不是 .xlsx 工作簿',
      text: '这是文本文件（CSV？），不是 .xlsx 工作簿；请将计划下载为 Microsoft Excel（.xlsx）',
      notXlsx: '不是 .xlsx 工作簿（文件开头不符合该格式）',
      lockFile:
        '这是 Excel 的锁定文件（工作簿打开期间 Excel 在其旁边写入的文件），不是工作簿；请给出 {workbook}',
      corrupt: '文件已损坏或不是 .xlsx 工作簿：{problem}',
      damagedZip: 'zip 压缩包已损坏或不完整（{reason}）',
      checksumMismatch: 'zip 压缩包已损坏或不完整（{part} 的大小或校验和与内容不符）',
      notWellFormed: '文件包中的某个部件不是格式正确的 XML（{reason}）',
      damagedPart: '文件包中的某个部件缺失或已损坏（{reason}）',
      openDocument:
        '这是 OpenDocument 电子表格（.ods），不是 .xlsx 工作簿；请另存为 .xlsx（LibreOffice：文件 › 另存为，Excel 2007-365）',
      otherZip: '这是包含其他文件的 zip 压缩包，不是 .xlsx 工作簿',
      noWorksheets: '其中没有工作表（文件包缺少 xl/workbook.xml 或其中列出的工作表）',
      noSharedStrings: '文件包缺少一个部件（xl/sharedStrings.xml，即单元格中的文字）',
      cellOutside: '{part}：单元格 {ref} 超出了工作表的 1,048,576 行、16,384 列',
      rowOutside: '{part}：第 {ref} 行超出了工作表的 1,048,576 行',
      mergeOutside: '{part}：合并区域 {ref} 超出了工作表的 1,048,576 行、16,384 列',
      partTooLarge: '工作簿太大，无法读取：{part} 解压后有 {size} GB',
      textTooLong: '工作簿太大，无法读取：{part} 中有一段超过 512 MB 的文字',
      emptyWorkbook: '工作簿为空：其中的工作表（{count} 个）都没有单元格',
      noSuchFile: '文件不存在',
      noSuchFileButSheet: '文件不存在；如要读取这个 Google 表格，请用 --sheet 指定',
      isFolder: '是文件夹，不是 .xlsx 文件',
      permissionDenied: '没有权限',
      unreadable: '无法读取（{code}）',
    },
    fileSystem: {
      EACCES: '没有权限',
      EPERM: '不允许此操作',
      EBUSY: '正在使用中：挂载点，或被程序打开的文件夹',
      ENOTEMPTY: '另一次运行同时写入了该位置；请重试',
      ENOTDIR: '路径中的某一部分是文件而不是文件夹',
      ENOENT: '路径中的某个文件夹不存在，或无法存放内容',
      EEXIST: '已有同名文件',
      EISDIR: '这是一个文件夹',
      EROFS: '磁盘为只读',
      ENOSPC: '磁盘已满',
      EMFILE: '同时打开的文件过多；请重试',
      ENAMETOOLONG: '名称太长，文件系统无法保存（最多 255 字节，约 85 个汉字）',
    },
    output: {
      symlink: '是符号链接；请用 --out 指定实际的文件夹',
      notFolder: '已存在且不是文件夹；请另选 --out',
      uninspectable: '无法检查（{code}）；未做任何更改。请另选 --out，或修正该路径',
      notOurs:
        '已存在且不是 gtm-pyramid 报告（其中没有 {marker}）；未做任何更改。请另选 --out 或清空该文件夹',
      markerUnreadable: '其中的 {marker} 无法读取；未做任何更改。如需重新生成，请自行删除该文件夹',
      foreignFiles: '其中有上次报告未写入的文件（{files}）；未做任何更改。请移走这些文件或另选 --out',
      noParent: '无法创建其上级文件夹（{code}）；请另选 --out，或自行创建该文件夹',
      unwritable: '无法写入（{code}）',
      parentUnwritable:
        '它所在的文件夹 {parent} 无法写入（{code}）：报告先在该文件夹旁生成再改名替换，所以 {parent} 也必须可写；未做任何更改。请为 {parent} 加上写入权限，或另选一个可写文件夹中的 --out',
      mountPoint:
        '是挂载点，报告无法替换它（报告先在该文件夹旁生成再改名替换）；未做任何更改。请让 --out 指向其中的文件夹，例如 {out}/report',
      exists: '已存在；如要替换请加上 --force，或另选 --out',
      notXlsxName: '示例计划是 .xlsx 工作簿：--out 的文件名请以 .xlsx 结尾',
      workingFolder:
        '是命令所在的文件夹（或包含它），报告会替换该文件夹；未做任何更改。请在上一级文件夹中运行，并用 --out 指定此文件夹',
      skipsReport:
        '其中的报告历史到 {lost} 为止，晚于 --previous 的报告（截至 {previous}）：本次报告会让 {lost} 从历史中消失；未做任何更改。请让 --previous 指向此文件夹中的报告（{suggest}），或用 --out 写到别处',
      notCarried:
        '其中的报告历史到 {lost} 为止，而 --previous 的报告（截至 {previous}）的历史中没有这些报告：本次报告会让它们从历史中消失；未做任何更改。请让 --previous 指向此文件夹中的报告（{suggest}），或用 --out 写到别处',
      otherPlanReport:
        '其中是另一个计划的报告（“{product}”，截至 {asOf}），带有 {reports} 份报告的历史，本次“{current}”的报告会替换它；未做任何更改。请用 --out 写到别处，或加上 --new-history 替换该报告及其历史',
      laterReport:
        '其中的报告截至 {lost}，晚于本次报告（{asOf}），本次报告会替换它；未做任何更改。请检查 --as-of，用 --out 写到别处，或加上 --new-history 替换它',
    },
    usage: {
      help: [
        '用法：',
        '  gtm-pyramid report [plan.xlsx | --sheet URL|ID] [--previous PATH|URL [--new-history]] [-o|--out DIR] [--lang en|zh-CN|zh-TW] [--as-of YYYY-MM-DD] [--locale LOCALE]',
        '      写出静态报告（DIR/index.html、plan.json；DIR 默认为 {reportDir}）。',
        '      未给出 plan.xlsx 或 --sheet 时，使用内置示例计划（截至 {exampleAsOf}，除非给出 --as-of）。',
        '      --sheet 读取在线 Google 表格（应用默认凭据；见 {guide}）。',
        '      --previous 指定上次报告的 plan.json（文件、上次报告的文件夹或 https:// 网址）：报告会说明自上次报告以来的变化。',
        '      --new-history：--previous 无法使用（产品已改名、文件损坏）时，从本次报告重新开始历史；不加此选项则不写入任何文件（退出码 2）。返回 404 的网址（尚未发布）无需此选项。加上它，报告也可以替换 DIR 中另一个计划的报告或更晚的报告，否则会保留它们（退出码 2）。',
        '      --as-of 指定评估进度的日期（默认今天；使用 --sheet 时为表格时区的今天）。',
        '      --locale de_DE 按该区域设置的写法读取文件中以文本填写的数字（1.234,5）；在线表格使用其自身的设置。',
        '      退出码 0：已写出；1：已写出，但计划有错误（每个页面都会注明）；2：已写出但计划中没有关键结果，或未写入任何文件（计划、输出文件夹或 --previous 无法使用，或命令行有误）。',
        '  gtm-pyramid check [plan.xlsx | --sheet URL|ID] [--json] [--lang en|zh-CN|zh-TW] [--as-of YYYY-MM-DD] [--locale LOCALE]',
        '      运行计划检查（--json：以 JSON 输出）。退出码 0：没有错误；1：计划有错误；2：无法读取计划、无法写入输出，或命令行有误。',
        '  gtm-pyramid example [-o|--out FILE] [--lang en|zh-CN|zh-TW] [--force]',
        '      把示例计划写成 .xlsx，以导入 Google 表格（默认 {exampleFile}；--force 替换已有文件）。退出码 0：已写出；2：未写入任何文件。',
        '  gtm-pyramid -h|--help | -v|--version',
        '  --lang 指定提示信息、报告和示例计划的语言。未指定时，关于计划、报告和输出文件夹的信息使用计划的语言（其“语言”单元格，否则按工作表名称判断）；其余（--help、命令行错误、无法读取的文件、example）使用英文。',
      ].join('\n'),
      badLang: '--lang 应为 en、zh-CN 或 zh-TW 等语言，而不是“{value}”',
      badAsOf: '--as-of 应为 1900 至 9999 年间、以 YYYY-MM-DD 书写的真实日期，而不是“{value}”',
      badAsOfLike: '--as-of 应以 YYYY-MM-DD 书写，而不是“{value}”：请写成 {suggestion}',
      emptyFile: '{command}：计划文件名为空（""）；请给出 .xlsx 工作簿的路径，或省略它以使用内置示例计划',
      badLocale: '--locale 应为 en_US、de_DE 或 fr-FR 等区域设置，而不是“{value}”',
      unknownOption: '{command}：未知选项 {option}（见 gtm-pyramid --help）',
      missingValue: '{command}：{option} 需要一个值（见 gtm-pyramid --help）',
      dashValue: '{command}：{option} 需要一个值；以“-”开头的值请写成 {option}=值',
      noValue: '{command}：{option} 不接受值（见 gtm-pyramid --help）',
      badArguments: '{command}：{detail}（见 gtm-pyramid --help）',
      tooManyFiles: '{command}：最多一个计划文件，实际给了 {count} 个',
      fileAndSheet: '请给出计划文件或 --sheet，不要同时给出',
      unexpectedArgument: '{command}：多余的参数“{value}”（请用 --out FILE）',
      unknownCommand: '未知命令“{command}”；请试试 gtm-pyramid --help',
      unexpectedFailure: '{command}：意外失败：{message}',
      outputFailed:
        '无法写入标准输出（{code}），命令的输出不完整；请释放磁盘空间或把输出写到别处，然后重新运行',
    },
    previous: {
      unreadable: '--previous {source}：无法读取（{reason}）',
      notPlanJson: '--previous {source}：不是 gtm-pyramid 的 plan.json（{reason}）',
      unknownVersion: '--previous {source}：plan.json 版本 {version} 无法识别（本工具读取版本 {expected}）',
      newer: '--previous {source}：其截至日期 {previous} 不早于本报告的 {asOf}',
      otherPlan: '--previous {source}：这是另一个计划的报告（“{previous}”，而非“{current}”）',
      otherProduct: '--previous {source}：这是产品“{previous}”的报告，而“策略”表现在填写的产品是“{current}”',
      writtenWithout: '警告：{why}；报告将不含“自上次报告以来”',
      startedAgain: '警告：{why}；报告将不含“自上次报告以来”，其历史从本次报告重新开始（--new-history）',
      refused: '{why}；未写入任何文件。{advice}',
      adviceRenamed:
        '如果产品已改名，请加上 --new-history，以新名称重新开始其历史；否则请让 --previous 指向“{current}”的上一份报告',
      adviceUnreachable:
        '已发布的历史记录未受影响：请稍后再运行此命令（该地址此刻无法读取，并不表示那里尚未发布任何内容）',
      adviceOther:
        '请让 --previous 指向本计划的上一份报告（首次生成报告时请省略 --previous），或加上 --new-history 从本次报告重新开始历史',
      adviceFolder:
        '请让 --previous 指向本次之前的最后一份报告（{out} 中的是 {suggest}），或加上 --new-history 从本次报告重新开始历史',
      adviceOwn: '请用 --out 把本次报告写到别处，或加上 --new-history 从本次报告重新开始历史',
      historyAtRisk:
        '{why}；未做任何更改：{out} 中的报告带有 {reports} 份报告的历史，本次报告不会延续它。请让 --previous 指向本次之前的最后一份报告（{out} 中的是 {suggest}），或加上 --new-history 重新开始历史',
      used: '自上次报告以来：与 {source}（截至 {previous}）对比。',
      reasons: {
        invalidUrl: '不是有效的地址',
        httpsOnly: '只读取 https:// 地址，http:// 仅限本机',
        status: '服务器返回 HTTP {status}',
        timeout: '{seconds} 秒内没有响应',
        tooLarge: '超过 {megabytes} MB',
        tooManyRedirects: '重定向超过 {count} 次',
        credentials:
          '地址中含有用户名或密码，这些既不会发送也不会显示；请去掉它们再给出地址（签名网址查询部分中的令牌可以读取）',
        blockedPort: '它的端口出于安全原因 fetch 从不连接（例如 1、25 或 6000）；请给出报告发布所在的地址',
        noFile: '文件不存在',
        noPlanJson: '该文件夹中没有 plan.json',
        notJson: '不是 JSON',
        notJsonFolder: '不是 JSON：报告的 plan.json 位于其地址后加 plan.json',
        noVersion: '缺少 version 或 objectives',
        noAsOf: '缺少 asOf 或 keyResults',
        malformed: '内容不是 plan.json 的格式',
      },
    },
    since: {
      title: '自上次报告以来',
      intro: '{previous} 至 {asOf} 之间的变化。',
      statusChanges: '状态变化',
      noStatusChanges: '没有状态变化。',
      attainment: '达成率',
      attainmentChange: '{from} → {to}（{change} 个百分点）',
      checkIns: '新增实际值',
      checkInsCount: '新增 {count} 个月度实际值：{ids}',
      more: '……另有 {count} 项，见 plan.json',
      noCheckIns: '没有新增实际值。',
      corrections: '修改过的实际值',
      correction: '{id} {month}：{was} → {now}',
      targetChanges: '目标值变更',
      noTargetChanges: '没有目标值变更。',
      addedRemoved: '新增或删除',
      added: '新增',
      removed: '删除',
      targetChange: '{id} {field}：{from} → {to}',
      targetUnlogged: '{id} {field}：{from} → {to}（“{changes}”工作表中没有记录）',
      fieldChange: '{field}：{from} → {to}',
      weightField: '{month}权重',
      changedBy: '由 {who} 修改',
      objective: '目标',
      keyResult: '关键结果',
      kpi: 'KPI',
      trend: '历次报告的达成率：{points}',
      trendCaption: '{reports} 次报告：{from} → {to}',
    },
  },
  sidebar: {
    title: '检查计划',
    checkAgain: '重新检查',
    language: '语言',
    checking: '正在检查计划…',
    fixing: '正在应用快速修复…',
    summary: '概览',
    errors: '错误',
    warnings: '警告',
    tips: '提示',
    objectives: '目标：',
    keyResults: '关键结果：',
    kpis: 'KPI：',
    noObjectives: '还没有目标。',
    checked: '检查时间 {time}；进度截至 {date}。',
    done: '检查完成：{errors} 个错误、{warnings} 个警告、{tips} 条提示。',
    noIssues: '未发现问题：计划已可用于复盘。',
    tabMissing: '缺少工作表',
    jumpTo: '转到错误、警告或提示',
    showMore: {
      error: '显示其余 {count} 个错误',
      warning: '显示其余 {count} 个警告',
      tip: '显示其余 {count} 条提示',
    },
    showMoreOne: {
      error: '显示其余 {count} 个错误',
      warning: '显示其余 {count} 个警告',
      tip: '显示其余 {count} 条提示',
    },
    moreLikeThis: '显示“{sheet}”{column} 列另外 {count} 个同类问题',
    moreLikeThisNoColumn: '显示“{sheet}”另外 {count} 个同类问题',
    issueCount: '{count} 个问题',
    issueCountOne: '{count} 个问题',
    goTo: '转到单元格 {cell}',
    goToLabel: '转到单元格 {cell}（工作表“{sheet}”）',
    fix: '修改方法：',
    changed: '已修改：',
    failed: '无法检查计划。{reason}',
    callFailed: '操作未成功。{reason}',
    tryAgain: '请稍后点击“重新检查”。',
    rechecked: '已重新检查计划：下方列表是计划现在的状态。',
    noServer:
      '这是 GTM 金字塔插件的“检查计划”侧边栏。请在 Google 表格中通过“扩展程序 › GTM 金字塔 › 检查计划”打开，或运行本地沙盒（npm run sandbox）。',
    severity: { error: '错误', warning: '警告', tip: '提示' },
  },
  glossary: {
    vision: '愿景',
    strategy: '策略',
    tactics: '战术',
    objective: '目标',
    keyResult: '关键结果',
    kpi: 'KPI',
    department: '部门',
    owner: '负责部门',
    roadmap: '路线图',
    target: '目标值',
    baseline: '基线',
    actual: '实际',
    attainment: '达成率',
    status: '状态',
    error: '错误',
    warning: '警告',
    tip: '提示',
    fix: '修改方法',
    checkPlan: '检查计划',
    decomposeTargets: DECOMPOSE,
    insertTemplates: '插入模板',
  },
  parse: {
    QUOTED: '“{text}”',
    ROW_OF_TAB: '“{tab}”第 {row} 行',
    NO_UNIT: '无',
    MONTH_WEIGHT: '{month} 权重',
    EMPTY: '空白',
    LOCALE_GIVEN: '按其区域设置',
    NO_LOCALE: '未指定区域设置：工作簿文件不记录区域设置，可用 gtm-pyramid --locale 指定',
  },
  cli: {
    reportWritten: (path) => `报告已写入 ${path}`,
    reportSummary: (source, krs, errors, warnings, files) =>
      `${source}：${krs} 个关键结果，${errors} 个错误，${warnings} 个警告；${files} 个文件。`,
    builtInExample: () => '内置示例计划',
    asOfGiven: (date) => `截至 ${date}（--as-of）。`,
    asOfExample: (date) => `截至 ${date}，即示例计划的日期（可用 --as-of YYYY-MM-DD 更改）。`,
    asOfToday: (date) => `截至 ${date}，即今天（可用 --as-of YYYY-MM-DD 固定日期）。`,
    open: (url) => `打开 ${url}`,
    noKeyResults: () => 'report：未能读取任何关键结果，因此报告不显示进度（退出码 2）。',
    planHasErrors: (errors) => `report：计划中有 ${errors} 个错误；每个页面都会注明（退出码 1）。`,
    checkSummary: (name, errors, warnings, tips, asOf) =>
      `${name}：${errors} 个错误，${warnings} 个警告，${tips} 条提示（截至 ${asOf}）`,
    checkTally: (kinds, guide) => `按类型：${kinds}。各类型的说明见 ${guide}`,
    exampleWritten: (path, language) => `示例计划已写入 ${path}（${language}）。`,
    exampleImport: () =>
      '在 Google 表格中通过“文件 > 导入 > 上传（替换电子表格）”导入，或用 Excel、LibreOffice 打开。',
    asOfBeforePeriod: (asOf, start, end) =>
      `警告：评估日期 ${asOf} 早于计划周期（${start} – ${end}）：当天计划中还没有任何到期的目标。请用 --as-of 给出周期内的日期（即要用的复盘日期），或在“策略”表中更正周期。`,
    asOfAfterPeriod: (asOf, start, end) =>
      `警告：评估日期 ${asOf} 比计划周期（${start} – ${end}）结束晚了一年以上：其中的目标早已到期。请用 --as-of 给出周期内或刚结束后的日期（即要用的复盘日期），或在“策略”表中更正周期。`,
    missingTabs: (tabs, fixes) =>
      `缺少${tabs.map((t) => `“${t}”`).join('、')}工作表；报告需要${tabs.length > 1 ? '这些工作表' : '这个工作表'}。${fixes.join('')}`,
    noPlanTabs: (tabs, expected) =>
      `未找到计划工作表（现有：${tabs}）；应有${expected}。请给出计划的工作簿，或从示例计划开始：gtm-pyramid example`,
  },
};
