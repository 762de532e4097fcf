/** Traditional Chinese (Taiwan; also used for Hong Kong), in Taiwan's usual words. */
import type { Messages } from './en';

/**
 * The add-on's Decompose targets command as its menu item names it (分解目標值, since 目標 alone is an objective), also its
 * dialog's title and the glossary's word. Every message that names the command says it from here, so the menu
 * and the messages cannot drift apart.
 */
const DECOMPOSE = '分解目標值';

export const zhTW: Messages = {
  template: {
    enums: {
      type: {
        cumulative: '累計',
        level: '水準',
        threshold: '閾值',
        milestone: '里程碑',
      },
      direction: {
        increase: '提升',
        decrease: '降低',
      },
      phasing: {
        even: '平均',
        'ramp-up': '逐步提升',
        'front-loaded': '前高後低',
        custom: '自訂',
      },
      cadence: {
        monthly: '每月',
        weekly: '每週',
      },
      roadmapStatus: {
        planned: '計畫中',
        'in-progress': '進行中',
        done: '已完成',
        delayed: '延遲',
        'on-hold': '暫停',
        blocked: '受阻',
      },
      targetsRow: {
        target: '目標值',
        weights: '權重',
      },
    },
    phases: {
      'pre-launch': '預熱期',
      launch: '發布期',
      growth: '成長期',
    },
    strategyFields: {
      product: {
        label: '產品',
      },
      vision: {
        label: '願景',
      },
      strategy: {
        label: '策略',
      },
      targetUsers: {
        label: '目標使用者',
      },
      problem: {
        label: '痛點與價值',
      },
      category: {
        label: '品類與差異化',
      },
      businessGoal: {
        label: '商業目標',
      },
      periodStart: {
        label: '週期開始',
      },
      periodEnd: {
        label: '週期結束',
      },
      currency: {
        label: '貨幣',
      },
      language: {
        label: '語言',
      },
    },
    strategyQuestions: {
      targetUsers: '產品為誰而做？',
      problem: '使用者為什麼會使用並購買？',
      category: '這是什麼品類的產品，憑什麼勝過替代品？',
      businessGoal: '它為公司帶來什麼商業回報？',
    },
    idNote: '簡短且唯一的編號，例如 KR1。',
    ownerNote: '填寫「部門」表中列出的部門。',
    dateNote: '日期，例如 2026-03-01。',
    tabs: {
      strategy: {
        label: '策略',
        note: '產品策略：每列一個欄位。',
        columns: {
          field: {
            label: '欄位',
            note: '欄位名稱，請勿修改。',
          },
          value: {
            label: '內容',
            note: '你的回答。',
          },
        },
      },
      departments: {
        label: '部門',
        note: '承擔目標、關鍵結果與 KPI 的團隊。',
        columns: {
          name: {
            label: '部門',
            note: '各表「負責部門」欄使用的部門名稱。',
          },
          lead: {
            label: '負責人',
            note: '負責人姓名。',
          },
          color: {
            label: '顏色',
            note: '可選的圖表顏色，例如 #0072B2。',
          },
        },
      },
      objectives: {
        label: '目標',
        note: '本次上市要達成的目標（定性描述）。',
        columns: {
          id: {
            label: '編號',
          },
          title: {
            label: '目標',
            note: '用一句話描述目標。',
          },
          owner: {
            label: '負責部門',
          },
          parent: {
            label: '上級',
            note: '可選：本目標所支撐的上級目標或關鍵結果編號。',
          },
          start: {
            label: '開始',
          },
          end: {
            label: '結束',
          },
          notes: {
            label: '備註',
            note: '其他說明。',
          },
        },
      },
      keyResults: {
        label: '關鍵結果',
        note: '可衡量的結果，每項只有一個負責部門。',
        columns: {
          id: {
            label: '編號',
          },
          objective: {
            label: '所屬目標',
            note: '所衡量目標的編號。',
          },
          title: {
            label: '關鍵結果',
            note: '可衡量的結果。',
          },
          owner: {
            label: '負責部門',
          },
          type: {
            label: '類型',
            note: '累計（可相加：註冊數、收入）、水準（比率）、閾值（每期達到的標準）或里程碑（按期完成）。',
          },
          unit: {
            label: '單位',
            note: '例如 USD、註冊數、%、小時。',
          },
          direction: {
            label: '方向',
            note: '提升（越高越好）或降低（越低越好）。',
          },
          baseline: {
            label: '基線',
            note: '起點數值（留空視為 0）。',
          },
          target: {
            label: '目標值',
            note: '截止日期要達到的數值；比率可寫 20% 或 0.2。',
          },
          start: {
            label: '開始',
            note: '開始月份（留空則為週期開始）。',
          },
          due: {
            label: '截止',
          },
          phasing: {
            label: '分解方式',
            note: '累計目標值的月度分解方式：平均、逐步提升、前高後低或自訂（在目標分解表填寫權重）。',
          },
          weight: {
            label: '權重',
            note: '在目標得分中的權重（留空為等權）。',
          },
          confidence: {
            label: '信心',
            note: '團隊信心，0–100%。',
          },
        },
      },
      kpis: {
        label: 'KPI',
        note: '營運指標：每個 KPI 追蹤一個關鍵結果背後的工作。',
        columns: {
          id: {
            label: '編號',
          },
          name: {
            label: 'KPI',
            note: '衡量的內容，例如每月新增註冊數。',
          },
          owner: {
            label: '負責部門',
          },
          keyResult: {
            label: '關鍵結果',
            note: '該 KPI 追蹤的關鍵結果編號。',
          },
          unit: {
            label: '單位',
            note: '例如 %、小時、註冊數。',
          },
          direction: {
            label: '方向',
            note: '提升：不低於目標值；降低：不高於目標值。',
          },
          target: {
            label: '目標值',
            note: '每期要達到的標準，例如 5% 或 1。',
          },
          cadence: {
            label: '頻率',
            note: '檢查頻率：每月或每週。',
          },
        },
      },
      roadmap: {
        label: '路線圖',
        note: '上市路線圖：各部門的階段與舉措。',
        columns: {
          id: {
            label: '編號',
          },
          item: {
            label: '事項',
            note: '舉措名稱。',
          },
          phase: {
            label: '階段',
            note: '例如：{phases}。',
          },
          owner: {
            label: '負責部門',
          },
          start: {
            label: '開始',
          },
          end: {
            label: '結束',
          },
          keyResults: {
            label: '關鍵結果',
            note: '該事項支撐的關鍵結果編號，用逗號分隔，例如 KR1, KR2。',
          },
          status: {
            label: '狀態',
            note: '計畫中、進行中、已完成、延遲（仍在推進，但落後）、暫停（刻意暫緩）或受阻（須先解決其他問題才能推進）。',
          },
        },
      },
      actuals: {
        label: '實際',
        note: '每月的實際值：每個指標每個日期一列。',
        columns: {
          date: {
            label: '日期',
            note: '實際值的日期，計入所在月份。',
          },
          metric: {
            label: '指標',
            note: '關鍵結果或 KPI 的編號。',
          },
          value: {
            label: '數值',
            note: '累計型：當期發生量；其他：當日測得的水準；里程碑：完成填 1。',
          },
          note: {
            label: '備註',
            note: '資料說明。',
          },
        },
      },
      changes: {
        label: '變更記錄',
        note: '目標值變更記錄：何人、何時、何處、原值、新值、原因。',
        columns: {
          timestamp: {
            label: '時間',
            note: '變更時間。',
          },
          sheet: {
            label: '工作表',
            note: '發生變更的工作表。',
          },
          cell: {
            label: '儲存格',
            note: '發生變更的儲存格。',
          },
          id: {
            label: '編號',
            note: '關鍵結果或 KPI 編號。',
          },
          field: {
            label: '欄位',
            note: '發生變更的欄。',
          },
          oldValue: {
            label: '原值',
            note: '變更前。',
          },
          newValue: {
            label: '新值',
            note: '變更後。',
          },
          reason: {
            label: '原因',
            note: '變更原因：請填寫。',
          },
          who: {
            label: '變更人',
            note: '誰做的變更：外掛在 Google 提供時填入編輯者的 Google 帳號電子郵件（Google 不提供時留空）。在此手動填寫的姓名會原樣保留。',
          },
        },
      },
      targets: {
        label: '目標分解',
        note: `由「${DECOMPOSE}」產生：每個關鍵結果與 KPI 一列，每月一欄。只有「權重」列由你填寫。`,
        columns: {
          id: {
            label: '編號',
            note: '關鍵結果或 KPI 編號。',
          },
          row: {
            label: '列',
            note: '目標值：每月的目標值（公式）。權重：自訂分解時由你填寫的權重。',
          },
          name: {
            label: '名稱',
            note: '關鍵結果或 KPI 名稱。',
          },
          owner: {
            label: '負責部門',
          },
        },
      },
    },
    targetsSummaryColumns: {
      targetToDate: {
        label: '此時應達成',
        note: '截至「評估日」應達到的水準：截至最後一個已評估月份的目標值（與報告一致）。',
      },
      actualToDate: {
        label: '當前值',
        note: '目前所處水準：累計型為基線加已計入的實際值，其他為最近一次計入的實際值。',
      },
      attainment: {
        label: '達成率',
        note: '從基線到目標值的完成比例。',
      },
      status: {
        label: '狀態',
        note: '與累計目標值對比的狀態。',
      },
    },
    languageNames: { en: '英文', 'zh-CN': '簡體中文', 'zh-TW': '繁體中文' },
    targetsHelperColumns: {
      windowStart: { label: '區間開始', note: '首個有效月份的第一天（開始日期或週期開始）。' },
      months: { label: '區間月數', note: '有效月份數：從開始月份到截止月份。' },
      columnOffset: {
        label: '欄偏移',
        note: '月份儲存格的欄號減去此值，即該月在區間中的序號（1 = 第一個月）。',
      },
      judged: {
        label: '評估月份序號',
        note: '截至評估日已結束的最後一個月在區間中的序號（不超過區間月數）。',
      },
      span: { label: '跨度', note: '目標值減基線。' },
      phasingCode: { label: '分解方式代碼', note: '1 平均，2 逐步提升，3 前高後低，4 自訂（有權重）。' },
      shareLinear: { label: '比例 a', note: 'x 個月後的累計比例 = x × (a + b × x) / d。' },
      shareSquare: { label: '比例 b', note: '見「比例 a」。' },
      shareDivisor: { label: '比例 d', note: '見「比例 a」。' },
      weightsTotal: { label: '權重合計', note: '自訂分解：區間內的權重合計。' },
      checkedIn: { label: '評估月份實際值筆數', note: '該指標在評估月份的實際值列數。' },
      latestCheckIn: {
        label: '最近實際值日期',
        note: '水準與閾值指標：計入的最近一筆實際值的日期（無則為 0）。',
      },
      meetsBar: {
        label: '達標條件',
        note: '閾值指標：實際值達標的條件，依方向為 <=目標值 或 >=目標值（在此寫一次，供達成率的 COUNTIFS 讀取）。',
      },
      expectedAttainment: { label: '預期達成率', note: '累計目標值對應的達成率。' },
    },
    TARGETS_AS_OF: {
      label: '評估日',
      note: `累計欄的評估日期。「${DECOMPOSE}」會將其設為今天；也可填寫檢討日期，按該日評估。`,
    },
  },
  issues: {
    'missing-tab': {
      message: '缺少「{tab}」工作表。',
      fix: '用「插入範本」新增，或把你的工作表改名為「{tab}」。',
    },
    'missing-tab-optional': {
      message: '缺少「{tab}」工作表，因此無法顯示{what}。',
      fix: '用「插入範本」新增。',
      what: {
        departments: '職責歸屬',
        kpis: 'KPI',
        roadmap: '路線圖',
        actuals: '進度',
      },
    },
    'missing-column': {
      message: '「{tab}」表缺少「{column}」欄。{near}',
      fix: '在第 {row} 列新增表頭「{column}」。',
    },
    'missing-column-optional': {
      message: '「{tab}」表缺少「{column}」欄，將使用預設值。{near}',
      fix: '如需設定，請在第 {row} 列新增表頭「{column}」。',
    },
    'header-scale': {
      message:
        '表頭「{header}」註明「{note}」，但其下方的數字依填寫的數值讀取：3000 就是 3000，而不是 3000 × {multiple}。',
      fix: '請填寫完整數值；或為指標設定以此倍數計的「單位」（萬元、千人、K USD、million USD），此後單獨的數字即以該單位計；並刪去表頭中的註明。',
    },
    'title-scale': {
      message:
        '表頭上方註明「{title}」，但其下方的數字依填寫的數值讀取：3000 就是 3000，而不是 3000 × {multiple}。',
      fix: '請填寫完整數值；或為指標設定以此倍數計的「單位」（萬元、千人、K USD、million USD），此後單獨的數字即以該單位計；並刪去此註明。',
    },
    'duplicate-column': {
      message: '「{tab}」表的「{column}」欄出現了兩次，只讀取第一欄。',
      fix: '重新命名或刪除重複的欄。',
    },
    'tab-copy': {
      message:
        '「{copy}」工作表看起來是「{tab}」表的副本。計畫讀取的是「{tab}」{hidden}；「{copy}」中填寫的內容不計入。',
      fix: '如果要用的是「{copy}」，請刪除「{tab}」（或把它改成與計畫無關的名稱，如「封存」），再把「{copy}」改名為「{tab}」；如果要用的是「{tab}」，請刪除「{copy}」。',
    },
    'column-copy': {
      message:
        '「{tab}」表的表頭「{header}」（{cell}）與「{read}」（{readCell}）是同一欄「{column}」。計畫讀取的是「{read}」{hidden}；「{header}」下填寫的內容不計入。',
      fix: '如果要用的是「{header}」下的數字，請刪除「{read}」欄（{readCell}），再把「{header}」改名為「{column}」；否則請刪除「{header}」欄，或把它改成你自己的欄名。',
    },
    'example-row': {
      message: '「{tab}」表的第 {row} 列標為範例（{cell}：「{value}」），因此整列不計入計畫。',
      fix: '如果這一列只是範例，請刪除該列；如果是真實的一列，請刪去 {cell} 中的「{mark}」，該列即會被讀取。',
    },
    'hidden-rows': {
      message: '「{tab}」表的第 {rows} 列已隱藏，但仍依填寫的內容讀取並計入。',
      fix: '如果隱藏的列是已被取代的舊數字，請刪除該列；否則請取消隱藏，讓計畫計入的內容都看得見。被篩選隱藏的列同樣計入。',
    },
    'extra-actuals-tab': {
      message:
        '「{name}」工作表看起來是「{tab}」表的延續，但計畫只讀取「{tab}」：其中 {count} 筆實際資料（{months}）不計入。',
      fix: '把它的各列移到「{tab}」表的最下方，再刪除「{name}」（或把它改成與計畫無關的名稱，如「封存」）。',
    },
    'tab-name-near': {
      message: '「{name}」工作表看起來是「{tab}」表，但未被讀取：計畫依名稱尋找工作表。',
      fix: '把它改名為「{tab}」。',
    },
    'unread-header': {
      message: '「{tab}」表的表頭「{header}」不是計畫讀取的欄，而「{tab}」表缺少{missing}。',
      fix: '如果它就是該欄，請照此改名；如果是你自己的欄，保留即可。',
    },
    'empty-column-near-header': {
      message:
        '「{tab}」表的「{column}」欄（{cell}）為空，而看起來像它的表頭「{header}」（{near}）下有資料：計畫讀取的是空的那一欄。',
      fix: '如果「{header}」下的資料就是「{column}」，請刪除空的「{column}」欄（{cell}），再把「{header}」改名為「{column}」；如果「{header}」是你自己的欄，請填寫「{column}」。',
    },
    'ambiguous-header': {
      message: '「{tab}」表的表頭「{header}」寫了不止一欄（{columns}），因此不按其中任何一欄讀取。',
      fix: '只寫它所對應的欄名：用一種語言，或用指同一欄的兩種語言（「方向 Direction」）。',
    },
    'duplicate-tab': {
      message: '「{tab}」表與「{first}」表是計畫的同一部分，只讀取後者；「{tab}」不計入。',
      fix: '把其中的內容移到「{first}」，然後刪除「{tab}」或將其改名。',
    },
    'empty-sheet': {
      message: '「{tab}」表沒有標題列。',
      fix: '執行「插入範本」新增表頭。',
    },
    'missing-id': {
      message: '第 {row} 列有內容但沒有編號。',
      fix: '填寫一個簡短且唯一的編號，例如 {example}。',
    },
    'duplicate-id': {
      message: '編號「{id}」重複（第 {other} 列也在使用）。',
      fix: '每列使用不同的編號。',
    },
    'id-on-two-tabs': {
      message:
        '編號「{id}」也是關鍵結果 {keyResult} 的編號（「{keyResults}」表第 {row} 列），「{actuals}」表無法分辨兩者的資料：「{id}」的每筆實際資料都計入該關鍵結果，此 KPI 在改用自己的編號前不計入進度。',
      fix: '為此 KPI 改用自己的編號（例如 {suggested}），並在「{actuals}」表中以該編號填寫它的資料。',
    },
    'missing-value': {
      message: '{id} 的「{field}」為空。',
      fix: '請填寫「{field}」。',
    },
    'formula-error': {
      message: '{id} 的「{field}」顯示公式錯誤 {value}。',
      fix: '修正該儲存格的公式，或直接填寫數值。',
    },
    'formula-without-result': {
      message: '{id} 的「{field}」是公式，但檔案中沒有儲存它的計算結果（由不計算公式的程式寫入）。',
      fix: '用試算表（Google 試算表、Excel、LibreOffice）開啟該檔案並重新儲存，或直接填寫數值。',
    },
    'not-a-number': {
      message: '{id} 的「{field}」為「{value}」，不是數字。',
      fix: '請填寫數字，例如 {example}。',
    },
    'comparison-sign': {
      message: '{id} 的「{field}」為「{value}」：數字帶有比較符號或比較用語，無法讀取。',
      fix: '請只填寫 {number}；越高越好還是越低越好，由「方向」欄決定。',
    },
    'not-a-date': {
      message: '{id} 的「{field}」為「{value}」，不是日期。',
      fix: '請按 2026-03-01 的格式填寫日期。',
    },
    'invalid-choice': {
      message: '{id} 的「{field}」為「{value}」，可選值：{allowed}。',
      fix: '請從以下選項中選擇：{allowed}。',
    },
    'dates-reversed': {
      message: '{id} 的{field}日期（{end}）早於開始日期（{start}）。',
      fix: '調換或更正日期。',
    },
    'outside-period': {
      message: '{id} 的「{field}」（{value}）不在計畫週期 {start} – {end} 內。',
      fix: '把日期移入週期內，或在「{strategyTab}」表中調整週期。',
    },
    'period-missing': {
      message: '未設定計畫週期。{unread}',
      fix: '在「{strategyTab}」表中填寫「週期開始」和「週期結束」。',
    },
    'period-reversed': {
      message: '計畫週期的結束早於開始。',
      fix: '更正「週期開始」與「週期結束」。',
    },
    'period-too-long': {
      message: '計畫週期長達 {months} 個月，目標值最多分解 {max} 個月。',
      fix: '建議每次規劃一到兩年。',
    },
    'unknown-objective': {
      message: '{id} 所屬的目標「{ref}」不存在。',
      fix: '請使用「{objectivesTab}」表中的編號。',
    },
    'unknown-key-result': {
      message: '{id} 引用的關鍵結果「{ref}」不存在。',
      fix: '請使用「{keyResultsTab}」表中的編號。',
    },
    'unknown-parent': {
      message: '{id} 的上級「{ref}」既不是目標也不是關鍵結果。',
      fix: '請填寫目標或關鍵結果編號，或留空。',
    },
    'parent-cycle': {
      message: '目標 {cycle} 互為上級，形成了循環。',
      fix: '打破循環：其中一個目標的上級需留空或改為其他目標。',
    },
    'unknown-owner': {
      message: '{id} 的負責部門「{owner}」不在「{departmentsTab}」表中。',
      fix: '把「{owner}」新增到「{departmentsTab}」表，或選擇已有部門。',
    },
    'owner-near-department': {
      message: '{id} 的負責部門「{owner}」不在「{departmentsTab}」表中；最接近的是「{department}」。',
      fix: '在「負責部門」儲存格中填寫「{department}」；如果「{owner}」是另一個部門，請把它新增到「{departmentsTab}」表。',
    },
    'owner-near-departments': {
      message:
        '{id} 的負責部門「{owner}」不在「{departmentsTab}」表中；它與「{department}」和「{other}」同樣接近，無法判斷指的是哪一個。',
      fix: '在「負責部門」儲存格中填寫想指的部門；如果「{owner}」是另一個部門，請把它新增到「{departmentsTab}」表。',
    },
    'direction-contradiction': {
      message: '{id} 的方向是{direction}，但從基線 {baseline} 到目標值 {target} 的方向與此相反。',
      fix: '請核對方向、基線和目標值。',
    },
    'unknown-metric': {
      message: '實際資料第 {row} 列的指標「{metric}」既不是關鍵結果也不是 KPI。',
      fix: '請使用關鍵結果或 KPI 的編號。',
    },
    'metric-id-near': {
      message:
        '實際資料第 {row} 列的指標「{metric}」既不是關鍵結果也不是 KPI；去掉空格或連字號後是 {suggestion}。這一列未計入。',
      fix: '改為「{suggestion}」。',
    },
    'wide-actuals': {
      message:
        '「{tab}」表按月分欄記錄實際資料（{first} … {last}，讀取 {months} 個月）：每個月份下的數字都依該列指標在該月的實際值讀取。{targets}',
      fix: '無需修改。每個指標一列、每個月一欄即可；空白儲存格表示該月尚無實際值。{toDate}檢查和報告會讀取每個儲存格。',
    },
    'month-header-year': {
      message: '「{tab}」表的月份表頭「{header}」沒有年份，而{why}：無法判斷是哪一年，因此這一欄未讀取。',
      fix: '在表頭寫上年份：{example} 或 {iso}。',
    },
    'month-actual-unclear': {
      message: '「{tab}」表的月份「{header}」{why}，因此這個月未讀取。',
      fix: '{where}',
    },
    'merged-months': {
      message:
        '「{tab}」表的 {cells} 是一個合併儲存格（{value}）：只計一次，計入 {metric} 的 {month}，而不是它跨過的每個月各計一次。',
      fix: '取消合併，把每個月的數字分別填在各自的儲存格中。',
    },
    'merged-amount': {
      message:
        '實際資料第 {top}–{bottom} 列的「{field}」是一個合併儲存格（{value}）：只計一次，依第 {top} 列的日期（{date}）計入 {metric}，而不是每列各計一次。',
      fix: '取消合併儲存格，把每筆實際值的數值分別填在各自的列中。',
    },
    'custom-weights-missing': {
      message: '{id} 使用自訂分解，但「目標分解」表中沒有權重，暫按平均分解。',
      fix: `執行「${DECOMPOSE}」，然後在其權重列填寫權重。`,
    },
    'invalid-weight': {
      message: '{id} 在 {month} 的權重為「{value}」：權重須為 0 或更大的數，因此不予採用。',
      fix: '請填寫 0 或更大的數，或留空。',
    },
    'duplicate-weights-row': {
      message:
        '{id} 有第二個權重列（第 {row} 列）：計畫和該表的公式只使用第一個權重列（第 {first} 列），這一列不會被讀取。',
      fix: '刪除這一列，或把它的權重填到第 {first} 列。',
    },
    'targets-mismatch': {
      message: '「目標分解」表中 {id} 在 {month} 的值為 {sheetValue}，但按計畫應為 {value}。',
      fix: `重新執行「${DECOMPOSE}」以重建該表。覆蓋了月度公式的手填數字會按原樣保留：如需計畫的數值，請先清除該儲存格。`,
    },
    'targets-row-missing': {
      message: '「目標分解」表中沒有 {id} 的列。',
      fix: `重新執行「${DECOMPOSE}」以重建該表。`,
    },
    'targets-text-mismatch': {
      message: '「目標分解」表中 {id} 的「{field}」為{sheetValue}，但按計畫應為{value}。',
      fix: `重新執行「${DECOMPOSE}」以重建該表。`,
    },
    'targets-formula-error': {
      message: '「目標分解」表中 {id} 顯示 {value}：其公式指向的計畫儲存格已被移動或刪除。',
      fix: `重新執行「${DECOMPOSE}」以重建該表。`,
    },
    'as-of-not-a-date': {
      message: '「目標分解」表的「{cell}」儲存格為{value}，不是日期：該表中引用它的公式都會顯示錯誤。',
      fix: `請填寫評估進度的日期（今天或檢討日期），或執行「${DECOMPOSE}」（會設為今天）。`,
    },
    'as-of-differs': {
      message:
        '「目標分解」表按 {day}（「{cell}」儲存格）評估進度；本次檢查按 {asOf} 評估，兩者的狀態可能不同。',
      fix: '如需該表按此日期評估，請在「{cell}」儲存格填寫 {asOf}；如果 {day} 就是要用的檢討日期，請保持不變。',
    },
    'unreadable-by-formulas': {
      message:
        '{id}：{field}填寫的是文字「{value}」，「目標分解」表的公式無法像計畫那樣使用它（{expected}），該表中相應的數字會出錯。',
      fix: '在該儲存格中改為輸入 {expected}。',
    },
    'merged-unread-by-formulas': {
      message:
        '實際資料第 {top}–{bottom} 列的「{field}」是一個合併儲存格（{value}）：計畫在每一列都讀取它，但「目標分解」表的公式只在第 {top} 列讀取，因此該表漏掉其下各列的實際值。',
      fix: '取消合併儲存格，在每一列中填寫 {value}。',
    },
    'shown-not-held': {
      message:
        '{id}：{field}存的是 {held}，其數字格式顯示為「{value}」，計畫讀作 {expected}；「目標分解」表的公式使用儲存的 {held}，該表中相應的數字會出錯。',
      fix: '在一般數字格式的儲存格中輸入 {expected}，或讓 {id} 以該倍數計（寫在單位中），保留 {held}。',
    },
    'format-not-read': {
      message:
        '{id} 的「{field}」存的是 {held}，其數字格式（{format}）顯示的數字計畫無法照樣讀取：計畫讀作儲存的 {held}。',
      fix: '若 {held} 不是要的數字，請在一般數字格式的儲存格中輸入該數字，或使用計畫能讀的倍數（萬用 0.00"萬"，而非 "w"）。',
    },
    'too-many-key-results': {
      message: '目標 {id} 有 {count} 個關鍵結果，建議不超過 {max} 個。',
      fix: '合併或刪減次要項：少而關鍵。',
    },
    'too-many-objectives': {
      message: '{owner} 負責 {count} 個目標，建議不超過 {max} 個。',
      fix: '聚焦：移交或刪減部分目標。',
    },
    'too-many-key-results-owned': {
      message: '{owner} 負責 {count} 個關鍵結果，建議不超過 {max} 個。',
      fix: '聚焦：移交或刪減部分關鍵結果。',
    },
    'too-many-kpis': {
      message: '{owner} 負責 {count} 個 KPI，建議不超過 {max} 個。',
      fix: '保留最能反映趨勢的 KPI，刪減其餘。',
    },
    'idle-department': {
      message: '{owner} 沒有負責任何目標、關鍵結果、KPI 或路線圖事項。',
      fix: '讓每個部門都負責一項自己能推動的事（目標、關鍵結果、KPI 或路線圖事項），並看得到它和上層目標的關聯。',
    },
    'kpi-without-key-result': {
      message: 'KPI {id} 沒有關聯關鍵結果。',
      fix: '填寫它所追蹤的關鍵結果。',
    },
    'key-result-untracked': {
      message: '關鍵結果 {id} 既沒有 KPI 也沒有路線圖事項。',
      fix: '新增反映進度的 KPI，或支撐它的路線圖事項。',
    },
    'key-result-without-owner': {
      message: '關鍵結果 {id} 沒有負責部門。',
      fix: '指定唯一負責的部門。',
    },
    'strategy-unanswered': {
      message: '產品策略未回答「{question}」（{field}）。{unread}',
      fix: '在「{field}」旁寫一句話回答。{noRow}',
    },
    'strategy-field-missing': {
      message: '「{strategyTab}」表中的「{field}」為空。{unread}',
      fix: '請填寫：它位於金字塔頂端。',
    },
    'unread-strategy-row': {
      message:
        '「{strategyTab}」表的「{label}」（{cell}）不是範本的欄位，其內容不會被讀取；而計畫仍缺少{missing}。',
      fix: '如果這一列就是其中之一，請在 {cell} 把「{label}」改為該欄位的名稱；如果是你自己的備註，保留即可。',
    },
    'funnel-mismatch': {
      message: '{count} × {rate}（{countId} × {rateId}）得出 {implied}，但目標 {id} 寫的是 {named}。',
      fix: '對齊漏斗：調整關鍵結果或目標，讓數字相互吻合。',
    },
    'objective-without-key-results': {
      message: '目標 {id} 沒有關鍵結果。',
      fix: '新增不超過三個可衡量的關鍵結果。',
    },
    'running-total': {
      message:
        '{id}：其實際資料（{values}）逐月上升，像是累計值。按每月新增的數量相加為 {total}（目標值的 {attainment}）；若是截至當月的累計值，則為 {latest}（{meant}）。',
      fix: '累計型數值應填寫當月新增的數量。若這些是截至當月的累計值，請改為填寫每月新增的數量：{amounts}。',
    },
    'to-date-header': {
      message:
        '表頭「{header}」註明「{word}」：其下方的數值看來是至今的累計值，但累計型關鍵結果的實際資料會按每月新增的數量相加：{counted}。',
      fix: '請填寫每月本身新增的數量（該累計值減去前一次的累計值）；如果這些數值本來就是每月新增的數量，請從表頭中刪去「{word}」。',
    },
    'to-date-header-wide': {
      message:
        '表頭「{header}」註明「{word}」：各月份下的數字看來是至今的累計值，但累計型關鍵結果的實際資料會按每月新增的數量相加：{counted}。',
      fix: '請在各儲存格填寫該月本身新增的數量（該月的累計值減去前一個月的累計值）：{amounts}。如果這些數字本來就是每月新增的數量，請從「{header}」及其他寫有該詞的表頭中刪去「{word}」。',
    },
    'to-date-note': {
      message:
        '{id} 這筆實際資料的「{column}」寫著「{word}」：{value} 看來是至今的累計值，但累計型關鍵結果的實際資料會按每月新增的數量相加，因此它全數計入 {month}。',
      fix: '請只填寫 {month} 新增的數量：{amount}（{value} 減去前一次的累計值 {before}）；如果 {value} 就是當月新增的數量，請從「{column}」中刪去「{word}」。',
    },
    'plan-rows-in-actuals': {
      message:
        '「{tab}」表的「{header}」欄有 {count} 列寫著「{word}」（第 {rows} 列，如 {id} 的）：這些列是目標，不是實際值，因此未計入實際資料。',
      fix: '目標請填在「{keyResultsTab}」表的「{target}」欄（每月的目標見「{targetsTab}」表），「{tab}」表只留實際值。如果這些列是實際值，請把它們的「{header}」改為「{actual}」。',
    },
    'to-date-rows-in-actuals': {
      message:
        '「{tab}」表的「{header}」欄有 {count} 列寫著「{word}」（第 {rows} 列，如 {id} 的）：這些是累計至今的數值，而這些指標的實際值另有各自的列，因此不重複計入。',
      fix: '無需修改：每月的實際值會相加成累計值。如果累計值是某個指標唯一的數字，請刪除該指標的其他列，或改填每月新增的數量。',
    },
    'stale-check-in': {
      message: '{id} 缺少 {month} 的實際資料。',
      fix: '在「{actualsTab}」表中新增 {month} 的資料。',
    },
    'stale-check-in-wide': {
      message: '{id} 缺少 {month} 的實際資料。',
      fix: '{id} 在 {month} 的數字填在它所在的列與該月份欄的交會處：{where}',
    },
    'behind-pace': {
      message: '{id} {status}：達成率 {attainment}，按計畫此時應為 {expected}。',
      fix: '在下次檢討會議中討論；如需調整計畫或目標值，請註明原因。',
    },
    'currency-mismatch': {
      message: '{id} 的「{field}」為「{value}」，幣別為 {found}，但計畫的貨幣是 {currency}。',
      fix: '請以 {currency}（「{strategyTab}」表中的貨幣）填寫金額：系統不做匯率換算。{fromFormat}',
    },
    'unit-mismatch': {
      message: '{id} 的「{field}」為「{value}」，單位為 {found}，但 {id} 的單位是 {unit}。',
      fix: '{typeIt}。{fromFormat}',
    },
    'unit-in-plain-number': {
      message: '{id} 的「{field}」為「{value}」：{what}。',
      fix: '請填寫 {number}。',
    },
    'metric-currency-mismatch': {
      message: '{id} 的「{field}」為「{value}」，幣別為 {found}，但 {id} 以「{unit}」計。',
      fix: '請以 {unit}（{id} 的「單位」）填寫金額：指標有自己的貨幣時不按計畫的貨幣計，系統也不做匯率換算。{fromFormat}',
    },
    'ambiguous-m': {
      message:
        '{id} 的「{field}」為「{value}」：{id} {counted}，此處的「m」可能指分鐘、月或公尺，也可能指百萬。',
      fix: '{asUnit}；如指百萬，請填寫 {number}百萬。',
    },
    'decimal-mark': {
      message:
        '{id} 的「{field}」為「{value}」，只有以「{other}」作小數點時才是數字；此試算表以「{mark}」作小數點（{source}）。',
      fix: '請填寫 {suggestion}。',
    },
    'grouped-in-fours': {
      message:
        '{id} 的「{field}」為「{value}」：按萬位每四位分組，是 {grouped}{alsoDecimal}；此試算表按每三位分組（50,000），因此未讀取。',
      fix: '請填寫 {grouped}{orDecimal}。',
    },
    'ambiguous-number': {
      message:
        '{id} 的「{field}」為「{value}」，讀作 {read}；在以逗號作小數點的試算表（de_DE、fr_FR 等）中它表示 {other}。',
      fix: '如果它表示 {other}，請用 gtm-pyramid --locale 指定試算表的地區設定（de_DE），或在數字儲存格中填寫該數字。',
    },
    'comma-decimal-ambiguous': {
      message:
        '{id} 的「{field}」為「{value}」，讀作 {read}，因為此試算表以逗號作小數點；若逗號是千分位符號，它表示 {other}。',
      fix: '如果它表示 {other}，請填寫 {other}；如果表示 {read}，請填寫 {read}。',
    },
    'unknown-language': {
      message: '無法識別語言「{value}」，計畫按{used}處理。',
      fix: '請填寫 en、zh-CN 或 zh-TW（或 English、簡體中文、繁體中文）。',
    },
    'unknown-currency': {
      message:
        '「貨幣」儲存格中的「{value}」不是可識別的貨幣：帶貨幣符號或代碼填寫的金額都會因幣別不符而不予讀取。',
      fix: '請填寫 ISO 代碼（USD、EUR、TWD、CNY）或貨幣名稱（美元、歐元、新台幣、人民幣）；留空則不檢查金額的幣別。',
    },
    'currency-scale': {
      message:
        '「貨幣」儲存格中的「{value}」註明了倍數（{note}），但金額依填寫的數值讀取：3000 就是 {currency} 3000，而不是 3000 × {multiple}。',
      fix: '此處只填寫 {currency}；如要讓指標以{note}計，請為其設定以此倍數計的「單位」（{value}），此後單獨的數字即以該倍數計。',
    },
    'target-equals-baseline': {
      message: '{id} 的目標值等於基線（{value}）：沒有需要達成的量，因此 {id} 不計入進度。',
      fix: '填寫 {id} 要達到的值，它必須與基線不同。',
    },
    'percent-as-whole-number': {
      message: '{id} 的「{field}」：{value} 看起來是 {number}% —— 請填寫 {number}% 或 {ratio}。{consequence}',
      fix: '百分比指標（單位為 %，或是轉換率、留存率、CTR 等比率）中，13% 即數字 0.13：請帶上百分號，或填寫小數。如要按整數計，請把單位改為不表示比率的名稱（如 點、次）。',
    },
    'percent-one': {
      message:
        '{id} 的「{field}」：1 會按 100% 讀取，與其計畫不符。如果想填 1%，請填寫 1%；如果是 100%，請填寫 100%。{consequence}',
      fix: '請帶上百分號：1% 即數字 0.01，100% 即數字 1。帶百分號的數值按所填讀取。',
    },
    'confidence-ambiguous': {
      message:
        '{id} 的信心為 {value}：是 {tenths}（10 分制的 {number} 分）還是 {percent}？寫明之前不予顯示。',
      fix: '10 分制的 {number} 分請填寫 {tenths}，否則填寫 {percent}。',
    },
    'percent-plan-as-whole-number': {
      message:
        '{id}：計畫填寫為 {plan}，即 {read}，但其實際資料（{values}）只有約百分之一：計畫似乎按整數百分比填寫。修正前，其實際資料不計入。',
      fix: '如果計畫是 {meant}，請照此填寫並帶上百分號（或填寫 {ratios}）；如果是實際資料有誤，請更正實際資料。',
    },
    'plan-typed-in-full': {
      message:
        '{id} 以「{unit}」計，目標值 {target} 即 {target} {unit}，但其實際資料（{values}）只有計畫至 {month} 應達成數的約 {factor} 分之一：目標值似乎填寫了完整數值，而不是以「{unit}」計。修正前，其實際資料不計入。',
      fix: '如果目標值總共是 {target}，請填寫 {scaled}（以「{unit}」計）；如果確實是 {target} {unit}，請更正實際資料。',
    },
    'confidence-out-of-range': {
      message: '{id} 的信心為 {value}；信心應在 0% 到 100% 之間，因此不予顯示。',
      fix: '請填寫信心，例如 70%、0.7 或 70。',
    },
    'time-not-a-number': {
      message: '{id} 的「{field}」為時間 {value}，不是數字，因此未讀取。',
      fix: '請在數字格式的儲存格中按單位填寫數字：以小時計填寫 {hours}，以分鐘計填寫 {minutes}。',
    },
    'negative-weight': {
      message: '{id} 的權重為 {value}：權重應為 0 或以上，因此在修正之前，{id} 在目標得分中按權重 1 計算。',
      fix: '請填寫 0 或以上的權重，例如 1（等權）或 2（計兩次），或留空（即 1）。',
    },
    'weight-scales-mixed': {
      message:
        '{id} 的權重為 {value}，沒有 % 符號，而目標 {objective} 的其他關鍵結果的權重以 % 填寫（{others}）：它按 {asPercent} 計算，而不是 {number}%。',
      fix: '如果指的是 {number}%，請填寫 {number}%（或 {ratio}）；如果是相對權重，請把 {objective} 的其他權重也填寫為不帶 % 的數字。',
    },
    'weight-ratio-mixed': {
      message:
        '{id} 的權重為 {value}，而目標 {objective} 的其他權重為 {others}：{replaced}合計正好為 100，看來指的是 {number}%。按填寫的值，它只佔該目標的 {share}。',
      fix: '如果指的是 {number}%，請填寫 {number}，與其他權重同一尺度；如果是相對權重，請保持不變。',
    },
    'weight-blank-mixed': {
      message:
        '{id} 的權重（{value}）按 1（100%）計算，而目標 {objective} 的其他關鍵結果的權重以 % 填寫（{others}）。',
      fix: '請同樣以 % 填寫其權重：權重 1 或空白只在不帶 % 的權重之間才是等權。',
    },
    'weight-blank-fractions': {
      message:
        '{id} 的權重（{value}）按 1 計算，而目標 {objective} 的其他權重是 1 的份額（{others}，合計 {sum}），因此它佔該目標的 {share}。若是 1 餘下的份額，應為 {rest}。',
      fix: '若是餘下的份額，請填寫 {rest}；若權重是相對值，可保留或填寫其權重：空白的權重按 1 計算。',
    },
    'id-number-ambiguous': {
      message:
        '實際資料第 {row} 列的指標是數字 {value}，它可以是 {ids} 中任何一個：非文字儲存格會把「1.10」存為 1.1，因此該列不計入。',
      fix: '請把「指標」欄設為純文字（格式 → 數值 → 純文字）後重新填寫編號，或填寫為 {text}。',
    },
    'id-number-matched': {
      message: '實際資料第 {row} 列的指標是數字 {value}，已計入 {id}：非文字儲存格會把「{id}」存為 {value}。',
      fix: '請把「指標」欄設為純文字（格式 → 數值 → 純文字）後重新填寫編號，或填寫為 {text}。',
    },
    'duplicate-check-in': {
      message: '實際資料第 {row} 列與第 {other} 列重複（{metric}，{date}，{value}），只計一次。',
      fix: '刪除重複的列；如果是另一筆實際值，請更正其日期或數值。',
    },
    'same-day-amounts': {
      message:
        '實際資料第 {row} 列（{metric}，{date}，{value}）與第 {other} 列（{otherValue}）日期相同：兩個數值都計入，相加。',
      fix: '如果第 {row} 列是對第 {other} 列的更正，請刪除第 {other} 列；如果第 {row} 列是上方各列的小計或合計，請刪除第 {row} 列；只有兩者確實是同一天的兩筆數值時，才無需處理。',
    },
    'subtotal-check-in': {
      message:
        '實際資料第 {row} 列（{metric}，{date}，{value}）是小計：其「{column}」寫著「{word}」，數值等於上方 {count} 筆 {metric} 實際資料（第 {first} 至 {last} 列）的總和。此列不計入，以免這些數值重複計算。',
      fix: '刪除此列，或把小計放到其他工作表：此表的每一列都計為實際資料。如果它是一筆獨立的實際值，請從「{column}」中刪去「{word}」，它就會計入。',
    },
    'same-day-readings': {
      message:
        '實際資料第 {row} 列（{metric}，{date}，{value}）與第 {other} 列（{otherValue}）日期相同：只計入較後的第 {row} 列。',
      fix: '刪除有誤的那一列，或更正其日期。',
    },
    'check-in-before-start': {
      message: '實際資料第 {row} 列（{metric}，{date}）早於 {metric} 的開始月份（{start}），不計入。',
      fix: '更正日期，或把 {metric} 的開始日期提前。',
    },
    'check-in-after-due': {
      message: '實際資料第 {row} 列（{metric}，{date}）晚於 {metric} 的截止月份（{due}），不計入。',
      fix: '更正日期（例如年份輸錯，把 2026 寫成了 2027），或把 {metric} 的截止日期延後。',
    },
    'check-in-off-scale': {
      message:
        '實際資料第 {row} 列（{metric}，{date}）：{value} 是 {metric} 基線與目標值中較大者（{scale}）的 {factor} 倍。{counted}',
      fix: '檢查數字是否多寫了零，以及是否與 {metric} 的單位一致（以千為單位的目標值 50 表示 50,000）；如果每筆實際資料都相差這麼多，應檢查 {metric} 的目標值（在計數指標中填 20% 會讀作 0.2）。',
    },
    'month-over-target': {
      message:
        '實際資料第 {row} 列（{metric}，{date}）：一個月的 {value} 超過了 {metric} 的全部目標值（{span}）。{counted}',
      fix: '檢查數字是否多寫了零，以及它是否只是當月的數量（而不是累計至今的總數），單位與 {metric} 一致；如果每個月都超過，應檢查 {metric} 的目標值（在計數指標中填 20% 會讀作 0.2）。',
    },
    'month-far-above-plan': {
      message:
        '實際資料第 {row} 列（{metric}，{date}）：一個月的 {value} 超過當月計畫（{planned}）的五倍，也超過 {metric} 全部目標值（{span}）的一半。{counted}',
      fix: '檢查數字是否多寫了零（4,900 寫成了 49,000），以及它是否只是當月的數量（而不是累計至今的總數）；如果當月確實這麼多，保留即可。',
    },
    'percent-change-in-unit': {
      message:
        '{id} 的「{field}」為「{value}」，是百分比增幅，但其單位「{unit}」不是百分比：目標值是要達到的數值，而不是成長多少。{consequence}',
      fix: '請以 {unit} 填寫 {id} 要達到的數值（在 50,000 上成長 20%，請填寫 60000）。',
    },
    'percent-in-unit': {
      message:
        '{id} 的「{field}」為「{value}」，是百分比，但其單位「{unit}」沒有說明這一點：{id} 按百分比讀取，如同其單位為「{percentUnit}」，其實際資料亦然（把 12% 寫成 12 會報錯）。',
      fix: '如果 {id} 是百分比，請把單位寫成百分比：% 或 {percentUnit}。如果它以 {unit} 計，請以 {unit} 填寫數值，不帶百分號（+20% 這樣的增幅不是目標值，請填寫變化後要達到的數值）。',
    },
    'percent-reading-high': {
      message:
        '實際資料第 {row} 列（{metric}，{date}）：{value} 按 {percent} 計入。如果想填 {number}%，請填寫 {number}% 或 {ratio}。',
      fix: '請帶上百分號：3% 即數字 0.03，300% 即數字 3。',
    },
    'percent-reading-low': {
      message:
        '實際資料第 {row} 列（{metric}，{date}）：{value} 按 {percent} 計入，約為 {metric} 計畫（{plan}）的百分之一。如果想填 {meant}，請填寫 {meant} 或 {ratio}。',
      fix: '百分比請帶上百分號（86%）或填寫它代表的數字（0.86），不要兩者並用：0.86% 即數字 0.0086。',
    },
    'percent-readings-low': {
      message:
        '{metric} 的每一筆實際資料（共 {count} 筆，{lowest} 至 {highest}）都約為其計畫（{plan}）的百分之一，因此 {metric} 看起來與計畫相差很遠。如果想填 {lowestMeant} 至 {highestMeant}，請照此填寫。',
      fix: '百分比請帶上百分號（6%）或填寫它代表的數字（0.06），不要兩者並用：0.06% 即數字 0.0006。',
    },
    'percent-reading-drop': {
      message:
        '實際資料第 {row} 列（{metric}，{date}）：{value} 按 {percent} 計入，約為 {metric} 前一次讀數（{otherDate}：{otherValue}）的百分之一。如果想填 {meant}，請填寫 {meant} 或 {ratio}。',
      fix: '百分比請帶上百分號（13%）或填寫它代表的數字（0.13），不要兩者並用：0.13% 即數字 0.0013。',
    },
    'check-in-after-period': {
      message: '實際資料第 {row} 列（{metric}，{date}）晚於計畫週期的結束月份（{due}），不計入。',
      fix: '更正日期（例如年份輸錯，把 2026 寫成了 2027），或在「{strategyTab}」表中調整週期。',
    },
    'compact-date': {
      message:
        '{id} 的「{field}」為「{value}」，是沒有分隔符號的日期（{reading}）：試算表不會把它當作日期，因此不予採用。',
      fix: '請填寫 {meant}。',
    },
    'span-date': {
      message:
        '{id} 的「{field}」為「{value}」，是一段期間（{first} – {last}），不是某一天：數值計入其日期所在的月份。',
      fix: '請填寫測量當天的日期，例如 {last}；每個月的數值各填一行。',
    },
    'date-out-of-range': {
      message:
        '{id} 的「{field}」為「{value}」，試算表會把它讀成 {day}：遠在計畫涵蓋的 {first}–{last} 年之外，因此不予採用。',
      fix: '請按 2026-03-01 的格式填寫日期。',
    },
    'yes-no-not-milestone': {
      message:
        '{id} 的「{field}」為「{value}」，表示完成與否：只有里程碑這樣填寫（記為 1 或 0），而 {id} {takes}。不計入。',
      fix: '請填寫數字。只有完成與否之分的關鍵結果是里程碑（類型填寫「里程碑」），其實際資料為 1（完成）或 0。',
    },
    YES_NO_TAKES: {
      cumulative: '是累計型：填寫當月的數量，例如 5000',
      reading: '填寫當天的讀數，例如 20% 或 5000',
      kpi: '是 KPI：填寫當天的讀數，例如 20% 或 5000',
    },
    'milestone-check-in': {
      message:
        '實際資料第 {row} 列：{metric} 是里程碑，數值只能是 1（完成）或 0（未完成），不能是 {value}；不計入。',
      fix: '里程碑完成時填寫 1。',
    },
    'negative-check-in': {
      message: '實際資料第 {row} 列：{metric} 是向上累計的數量，{value} 不可能是某個月的發生量；不計入。',
      fix: '請填寫當月新增的數量（0 或以上），而不是累計值或差值。',
    },
    UNREAD_STRATEGY_ROWS: '{rows}旁的內容未被讀取，因為範本沒有這個名稱的欄位：如果它就是這一項，請改名。',
    UNREAD_STRATEGY_ROW: '「{label}」（{cell}）',
    STRATEGY_NO_ROW: '「{sheet}」表中沒有名為「{field}」的列：請先在 {cell} 填寫「{field}」。',
    WEIGHT_RATIO_ONE: '換成 {number} 後',
    WEIGHT_RATIO_SEVERAL: '把 {values} 分別換成 {numbers} 後',
    TO_DATE_COUNTED: '{id} 計為 {total}，而其最新的累計值為 {latest}',
    TO_DATE_AMOUNTS: '{id}：{cells}',
    TO_DATE_CELL: '{cell} 填 {amount}',
    WEIGHT_BLANK: '空白',
    HIDDEN_TAB: '（該表已隱藏）',
    HIDDEN_COLUMN: '（該欄已隱藏）',
    MISSING_COLUMN_NEAR: '表頭「{header}」（{cell}）可能就是該欄：如果是，請改名為「{column}」。',
    GROUPED_IN_FOURS: {
      alsoDecimal: '（以逗號作小數點則是 {decimal}）',
      orDecimal: '；如為小數，請填寫 {decimal}',
    },
    PLAIN_NUMBER: {
      weight: '權重是純數字，不帶單位或貨幣',
      confidence: '信心是純數字或百分比，不帶單位或貨幣',
    },
    NUMBER_EXAMPLE: {
      number: '50000 或 20%',
      confidence: '70% 或 0.7',
      weight: '40% 或 2',
    },
    FROM_FORMAT: {
      currency:
        '{found} 來自儲存格的數字格式，重新輸入金額後仍會保留：請將儲存格的數字格式（格式 → 數值）改為 {to} 或一般數字。',
      plain:
        '{found} 來自儲存格的數字格式，重新輸入數字後仍會保留：請將儲存格的數字格式（格式 → 數值）改為一般數字。',
    },
    UNIT_MISMATCH: {
      converted: '請填寫 {number}：{value} 即 {number} {unit}',
      inUnit: '請填寫以 {unit} 計的數字',
      noUnit: '請只填寫數字，或在「{unitColumn}」欄寫明單位',
    },
    AMBIGUOUS_M: {
      countedIn: '以「{unit}」計',
      noUnit: '沒有單位',
      forUnit: '如指「{unit}」，請填寫 {number} {unit}（或只填 {number}）',
      forNoUnit: '如指分鐘、月或公尺，請填寫 {number}，並在「單位」欄寫明單位',
    },
    COUNTED: {
      now: '已計入。',
      later: '目前尚未計入：{month} 結束後才會計入。',
    },
    WIDE_TARGETS_TAB: {
      read: `「{targetsTab}」表的累計至今各欄也讀取這些月份，依 ID 找到每個指標所在的列，無論它在哪一列；新增或移動月份欄後，請再執行「${DECOMPOSE}」。`,
      unread: `「{targetsTab}」表的累計至今各欄只在月份欄依月份順序相鄰、中間不缺月份時才讀取（1月 | 2月 | 3月 …，中間沒有目標欄）：此處不是這樣，這些欄會保持空白。請把月份欄排在一起，或按「{usualLayout}」逐列記錄實際資料，然後再執行「${DECOMPOSE}」。`,
    },
    WIDE_TARGETS_LEFT_OUT:
      '每個月只讀取標明為實際值的那一欄，目標欄不讀取（共 {count} 欄，第一欄為「{first}」）。',
    MONTH_ACTUAL_WHERE: {
      below:
        '在月份下一列（{cells}）把實際值那一欄的表頭寫為「{actual}」，目標那一欄寫為「{target}」：實際值欄按實際資料讀取，目標欄不讀取。',
      inHeader:
        '把實際值那一欄的表頭寫為「{actual}」，目標那一欄寫為「{target}」（{cells}）：實際值欄按實際資料讀取，目標欄不讀取。',
      unmerged:
        '把「{header}」合併到它所有的欄之上（{cells}），並在下一列把實際值那一欄寫為「{actual}」、目標那一欄寫為「{target}」：實際值欄按實際資料讀取，目標欄不讀取。',
    },
    MONTH_ACTUAL_WHY: {
      several: '有多欄（{columns}），但沒有一欄標明是實際值：無法判斷哪一欄是實際值',
      unheaded:
        '只在 {cells}（{columns}）之上，下一列卻也標明了其後的欄（{beside}），而它們上方空白（{blank}）：無法判斷哪些欄屬於這個月',
    },
    MONTH_HEADER_YEAR: {
      twoYears: '計畫期間（{start} 至 {end}）跨兩個年度',
      noPeriod: '策略表沒有可取年份的計畫期間',
    },
    STALE_CHECK_IN_WIDE: {
      cell: '填入 {cell}。',
      noColumn: '新增一欄，表頭寫 {month}，填入 {cell}。',
      noRow: '新增一列，在指標表頭（{metric}）下填寫 {id}，再填入 {cell}。',
      neither: '新增一列，在指標表頭（{metric}）下填寫 {id}，再新增一欄，表頭寫 {month}，在兩者交會處填寫。',
    },
    PERCENT_CONSEQUENCES: {
      notCounted: '該數值不計入。',
      leftOut: '修正前，該關鍵結果不計入進度。',
      kpiLeftOut: '修正前，該 KPI 不計入進度。',
    },
  },
  status: {
    'not-started': '未開始',
    'on-track': '正常',
    'at-risk': '有風險',
    'off-track': '落後',
    done: '已完成',
    'no-data': '無資料',
    missed: '未達成',
    'needs-attention': '需關注',
  },
  example: {
    strategy: {
      product: 'GEO Monitor：AI 搜尋最佳化監測軟體',
      vision: '讓每個品牌都能被客戶所用的 AI 助手找到並被準確描述。',
      strategy: '以最準確的 GEO 監測贏得出海企業的市場團隊：以免費試用切入，按團隊逐步擴展。',
      targetUsers: '出海企業的市場行銷團隊。',
      problem: '針對海外大語言模型最佳化內容很難；我們展示 AI 助手如何看待品牌，以及該改什麼。',
      category: '生成式引擎最佳化（GEO）監測軟體；覆蓋最多的海外 AI 助手，給出可執行的改進，而不只是分數。',
      businessGoal: '兩年內成為前三的 GEO 平臺，擁有 3,000 家企業客戶。',
    },
    D: {
      sales: '銷售',
      marketing: '市場',
      operations: '營運',
      rnd: '研發',
      support: '客服',
    },
    rows: {
      objectives: {
        O1: {
          title: '今年發布新產品並轉換 1,000 家新客戶',
          notes: '本次上市的公司級目標。',
        },
        O2: {
          title: '交付出海市場團隊信賴的 GEO 監測產品',
        },
      },
      keyResults: {
        KR1: {
          title: '六個月內實現 100 萬美元銷售額',
        },
        KR2: {
          title: '年底前獲得 50,000 個試用註冊',
          unit: '註冊數',
        },
        KR3: {
          title: '年底前試用轉付費率達到 20%',
        },
        KR4: {
          title: '3 月底前在所有首發市場發布 v1.0',
        },
        KR5: {
          title: '年底前 AI 回答準確率達到 90%',
        },
      },
      kpis: {
        KPI1: {
          name: '月度收入成長率',
        },
        KPI2: {
          name: '首次回應時間',
          unit: '小時',
        },
        KPI3: {
          name: '每月新增註冊數',
          unit: '註冊數',
        },
      },
      roadmap: {
        R1: {
          item: '與 20 家設計夥伴進行內測',
        },
        R2: {
          item: '發布會行銷與官網',
        },
        R3: {
          item: 'v1.0 正式發布',
        },
        R4: {
          item: '銷售手冊與通路夥伴',
        },
        R5: {
          item: '新手引導與試用培育流程',
        },
        R6: {
          item: '內容與線上研討會計畫',
        },
        R7: {
          item: '大客戶攻堅',
        },
        R8: {
          item: '覆蓋三個時區的客服中心',
        },
        R9: {
          item: '回答準確率改進',
        },
      },
      actuals: {
        '3': {
          note: 'v1.0 已在美國、英國和新加坡發布。',
        },
      },
      changes: {
        KR3: {
          sheet: '關鍵結果',
          field: '目標值',
          reason: '試用使用者品質低於預期；6 月檢討會上一致同意下調。',
        },
      },
    },
    broken: { partnerTrials: '年底前通路夥伴帶來 500 個試用', costPerTrial: '單個試用成本' },
  },
  addon: {
    menuInsertTemplates: '插入範本',
    menuInsertExample: '插入範例計畫',
    menuDecompose: DECOMPOSE,
    menuCheckPlan: '檢查計畫',
    menuHelp: '說明',
    addonTitle: 'GTM 金字塔',
    templatesTitle: '插入範本',
    templatesNothing: '所有範本工作表和欄都已存在：未做任何更改。',
    templatesTabsAdded: '已新增工作表：{list}。',
    templatesColumnsAdded: '已在「{tab}」末尾新增欄：{list}。',
    templatesFieldsAdded: '已在「{tab}」新增列：{list}。',
    templatesHeaderFilled: '已為空白工作表「{tab}」寫入表頭。',
    templatesSkipped: '「{tab}」有內容，但未找到可識別的標題列，已保持原樣。',
    changeLogOldNotKnown: '未知：一次修改了多個儲存格（貼上、填入或排序）',
    changeLogValues: '{count} 個值：請查看「檔案 › 版本記錄」',
    changeLogRowCleared:
      '未知：此列現已為空，ID 儲存格也是（已清除，除非原本就是空的）：請查看「檔案 › 版本記錄」',
    changeLogRowsCleared:
      '未知：{count} 列現已為空，ID 儲存格也是（已清除，除非原本就是空的）：請查看「檔案 › 版本記錄」',
    templatesKept: '你的儲存格均未被修改。',
    templatesInterrupted:
      '「插入範本」未完成（{reason}）。它在設定「{tab}」時中斷：要在那裡新增的表頭尚未寫入，這部分尚未完成。',
    templatesInterruptedRerun:
      '你的儲存格均未被修改。請再執行一次「插入範本」來完成：它會補全未完成的部分，已就緒的部分不會改動。',
    templatesColumnNear:
      '沒有在「{tab}」中新增「{column}」欄：表頭「{header}」（{cell}）可能就是該欄。如果是，請把它改名為「{column}」；如果是你自己的欄，請在空白欄中自行新增表頭「{column}」。',
    exampleTitle: '插入範例計畫',
    exampleRefused:
      '以下工作表已有資料，因此未插入範例計畫：{list}。請使用空白試算表，或先將這些工作表改名。未做任何更改。',
    exampleDone: '已插入範例計畫（{product}）：{list}。',
    exampleAlreadyIn: '範例計畫（{product}）已在此試算表中，目標也已分解。未做任何更改。',
    exampleFinished: '已完成先前一次執行未完成的範例計畫（{product}）；它已寫入的列保持原樣。',
    exampleRowsAdded: '已將其列新增到：{list}。',
    exampleInterrupted: '「插入範例計畫」未完成（{reason}）。',
    exampleStoppedInTemplates: '它在設定範本工作表（「{tab}」）時中斷，尚未寫入範例的任何列。',
    exampleStoppedNoRows: '範本工作表已就緒，但範例的列尚未寫入。',
    exampleStoppedRows: '範例的列已寫入：{list}。其他工作表目前只有表頭，目標也尚未分解。',
    exampleStoppedTargets: '範例的列已寫入其所有工作表，只是目標尚未分解。',
    exampleRerun:
      '你輸入的內容均未被修改。請再執行一次「插入範例計畫」來完成：它會辨識自己已寫入的列，並補上其餘部分。',
    decomposeTitle: DECOMPOSE,
    decomposeBlocked: '暫時無法分解目標值：',
    decomposeBlockedLine: '• {cell}：{message}{fix}',
    decomposeNoTabs: '請先執行「插入範本」，再填寫計畫。',
    decomposeRenamed: `目標分解在「{tab}」表中（「{cell}」儲存格在那裡），而不是名為「{name}」的表：請把「{tab}」改回「{name}」，再執行「${DECOMPOSE}」。未做任何更改。`,
    decomposeNotGenerated: `工作表「{tab}」中的內容不是產生的目標分解（第 1 列不是其表頭），因此未作改動。請先將該工作表改名，再執行「${DECOMPOSE}」。`,
    decomposeHandTyped: `「${DECOMPOSE}」會根據計畫重建「{tab}」，這會清除不是由它產生的欄、列或儲存格中輸入的內容（值或公式）：{cells}。請先把這些內容移到其他工作表，再執行「${DECOMPOSE}」。未做任何更改。`,
    decomposeDone:
      '已重建「{tab}」：{krs} 個關鍵結果和 {kpis} 個 KPI，共 {months} 個月（{from} – {to}），均為隨計畫表自動重算的公式。',
    decomposeWeightsKept: '已保留自訂權重：{list}。',
    decomposeWeightsDropped:
      '以下自訂權重未保留，請在對應位置重新填寫：{list}。（「檔案 > 版本記錄」中有原來的列。）',
    decomposeWeightsNoRow: '{id}（已沒有權重列：其編號、類型或分解方式已變更，或已刪除）：{weights}',
    decomposeWeightsOutside: '{id} 在週期之外的月份：{weights}',
    decomposeWeightEntry: '{month}：{value}',
    decomposeRowsMoved:
      '為使每個關鍵結果和 KPI 保持在「{tab}」中自己的列上，插入或刪除了列，因此 {count} 列移動了位置：{list}。本試算表中指向這些列的公式已隨之移動；試算表無法移動的參照（INDIRECT 中以文字寫的列、其他檔案中的 IMPORTRANGE、指令碼）仍指向原來的列。',
    decomposeRowMove: '{id} 第 {from} 列 → 第 {to} 列',
    decomposeRowsRemoved:
      '已刪除計畫中不再有的關鍵結果和 KPI 的列：{list}。原先指向這些列的公式會顯示 #REF!。',
    decomposeRowRemoved: '{id}（第 {row} 列）',
    decomposeRowsLeft: `「{tab}」中留下了空白列（{rows}），因為刪除它們失敗（{reason}）：請刪除這些列，或再執行一次「${DECOMPOSE}」。`,
    decomposeNotesDropped:
      '「{tab}」中已不存在的儲存格上的附註（計畫中已沒有的關鍵結果、KPI 或月份），請在對應位置重新新增：{list}。',
    decomposeTypedKept: `「{tab}」中覆蓋了月度公式的手填數字已按原樣保留：{list}。這些儲存格顯示的不是計畫的數值；如需恢復，請清除該儲存格，再執行「${DECOMPOSE}」。`,
    decomposeTypedReplaced: '已按要求以計畫的數值取代手填的內容：{list}。',
    decomposeTypedDropped:
      '「{tab}」中已不存在的儲存格上覆蓋了月度公式的手填數字（計畫中已沒有的關鍵結果、KPI 或月份），請在對應位置重新填寫：{list}。',
    decomposeTypedEntry: '{cell}（{id}，{month}）：{value}',
    decomposeCellsMore: '另有 {count} 個',
    decomposeRestored: `「${DECOMPOSE}」未完成（{reason}）。「{tab}」已恢復原狀，包括自訂權重和「{cell}」儲存格。請再執行一次「${DECOMPOSE}」。`,
    decomposeNotRestored: `「${DECOMPOSE}」未完成（{reason}），且「{tab}」無法恢復原狀（{restoreReason}）。請透過「檔案 > 版本記錄」還原，再執行「${DECOMPOSE}」。`,
    decomposeNewTabRemoved: `「${DECOMPOSE}」未完成（{reason}）；已刪除新建的「{tab}」。請再執行一次「${DECOMPOSE}」。`,
    decomposeAsOfReset:
      '「{cell}」儲存格原為{previous}，現已改回今天（{today}）。如需按該日期評估，請重新填寫評估日期。',
    decomposeIssues: '計畫中發現 {count} 個問題（從 {cells} 開始）；請開啟「檢查計畫」檢視。',
    decomposeBreaks: '「{tab}」表的公式無法按原樣讀取計畫中的這些儲存格，讀取它們的列可能出錯：',
    decomposeBreaksPeriod:
      '「{tab}」表的公式無法按原樣讀取計畫中的這些儲存格。首先是計畫週期：凡是按週期計算月份的列（關鍵結果沒有自己的開始或截止日期時）都可能出錯，直到週期改為以日期輸入。',
    decomposeBreaksMore: '……另有 {count} 個這樣的儲存格：請開啟「檢查計畫」逐一修正。',
    decomposeOtherIssues: '計畫中另有 {count} 個問題（從 {cells} 開始）；請開啟「檢查計畫」檢視。',
    decomposeCountsRefused:
      '「{tab}」表的公式計入了計畫未計入的實際資料：{list}。請在原儲存格修正，該表會隨之更新。',
    decomposeReadsRefused:
      '「{tab}」表的公式使用了計畫不採用的儲存格：{list}。請在原儲存格修正，該表會隨之更新。',
    decomposeCellOf: '{cell}（{id}）',
    busy: '其他人正在更新此試算表，請稍後再試。',
    failed: '「{action}」未完成：{reason}',
    helpTitle: 'GTM 金字塔：說明',
    fnNotANumber: '{fn}：{arg}為「{value}」，不是數字。',
    fnAmbiguousM:
      '{fn}：{arg}為「{value}」，此處的「m」可能指分鐘、月或公尺，也可能指百萬：請填寫 {number}，如指百萬，請填寫 {number}百萬。',
    fnDecimalMark:
      '{fn}：{arg}為「{value}」，只有以另一種符號作小數點時才是數字；此試算表寫作 {suggestion}。',
    fnNotADate: '{fn}：{arg}為「{value}」，不是日期（請寫成 2026-03-01）。',
    fnMissing: '{fn}：缺少{arg}。',
    fnChoice: '{fn}：{arg}為「{value}」，可選值：{allowed}。',
    fnReversed: '{fn}：截止日期 {due} 早於開始日期 {start}。',
    fnCustom: `{fn}：自訂分解需要權重；請使用「${DECOMPOSE}」並在「{targets}」中填寫。`,
    fnShape: '{fn}：各區域的大小必須一致。',
    fnFailed: '{fn} 無法計算：{reason}',
    fnAtCell: '{message}位於結果的第 {row} 列第 {column} 欄。',
    check: {
      checkFailed: '無法檢查計畫：{reason}',
      goToBadArgs: '「前往儲存格」需要工作表名稱和一個儲存格，例如 B7。',
      goToNoSheet: '此試算表中已沒有名為「{sheet}」的工作表（可能已改名或刪除）。未選取任何儲存格。',
      goToOutside: '儲存格 {cell} 超出了工作表「{sheet}」的範圍。未選取任何儲存格。',
      goToChanged:
        '檢查後計畫已有變化：{sheet}!{cell} 已沒有這個問題（其上方可能插入或刪除了列，或問題已修正）。未選取任何儲存格。',
      goToDone: '已選取 {sheet}!{cell}。',
      fixTitle: '快速修正',
      fixFillId: '填入編號 {id}',
      fixAddDepartment: '把「{name}」新增到「{tab}」',
      fixRebuildTargets: '重建「{tab}」，按今天評估',
      fixTypeValue: '改為輸入 {value}',
      fixTypeValueAt: '在 {cell} 改為輸入 {value}',
      fixUseId: '改用 {id}',
      fixUseIdAt: '在 {cell} 改用 {id}',
      fixBadArgs: '快速修正請求無效。',
      fixGone: '該問題已不在計畫中（可能已修正或試算表已變化）。未寫入任何內容。',
      fixNotOffered: '此問題沒有安全的快速修正方式，請在試算表中修改。',
      fixChanged: '提供此修正後試算表已變化，現在的修正將是「{label}」。未寫入任何內容。',
      fixFilledId: '已在 {cell} 寫入編號 {id}。',
      fixAddedDepartment: '已將「{name}」新增到 {cell}。可補充負責人和顏色。',
      fixRebuilt: '已重建 {cell}。',
      fixTypedValue: '已在 {cell} 輸入 {value}。',
      fixFormula:
        '儲存格 {cell} 中是公式 {formula}，快速修正會覆蓋它。未寫入任何內容：請在公式引用的來源處修改。',
    },
    helpText: `插入範本：新增計畫工作表（{tabs}），每個表頭都有說明，並設定下拉選項和格式。可隨時再次執行：只會補充缺少的部分。\n\n插入範例計畫：在空白試算表中填入範例計畫。\n\n${DECOMPOSE}：在「{targets}」中為每個關鍵結果和 KPI 寫入一列、每月一欄的公式，按今天評估（其「{asOf}」儲存格；之後可填寫檢討日期，按該日評估）。自訂分解請在權重列填寫權重，重建時會保留。\n\n檢查計畫：列出缺失或不一致之處，並指向需要修改的儲存格。\n\n變更記錄：關鍵結果或 KPI 的{fields}變更時，會在「{changes}」中新增一列，並記下變更人（Google 提供時為其帳號的電子郵件）；請填寫原因。\n\n自訂函式：=GTM_TARGET(…) 計算某月目標值，=GTM_STATUS(…) 給出狀態；在儲存格中輸入即可檢視引數說明。\n\n給管理層的報告：gtm-pyramid 命令列可根據本試算表產生網頁，並列出自上次報告以來的變化：gtm-pyramid report --sheet {sheetId} --previous <上次的 plan.json>。請發布到僅公司內部可存取的位置（如內部網站，或需以公司帳號登入的網站）：公開網頁會暴露您的目標值，以及變更人的電子郵件地址。`,
  },
  customFunctions: {
    args: {
      month: '月份',
      decimals: '小數位數',
      actual: '累計實際',
      expected: '累計應達',
    },
  },
  report: {
    labels: {
      colon: '：',
      skipToContent: '跳到正文',
      reportKind: '上市計畫',
      period: '週期',
      asOf: '截至',
      source: '資料來源',
      contents: '目錄',
      linkToSection: '本節連結',
      pyramid: '金字塔',
      pyramidIntro: '管理層自上而下閱讀；各團隊關注本層及上一層。',
      roadmap: '路線圖',
      keyResults: '關鍵結果',
      kpis: 'KPI',
      departments: '部門',
      planCheck: '計畫檢查',
      changes: '變更記錄',
      changesIntro: '目標值變更，最新的在前。',
      attentionTitle: '哪些落後，由誰負責',
      nothingOffTrack: '沒有落後的項目：沒有關鍵結果或 KPI 未達成、落後或有風險。',
      levelVision: '願景',
      levelStrategy: '策略',
      levelTactics: '戰術',
      levelKeyTasks: '關鍵任務',
      levelKeyTasksSub: '目標與關鍵結果',
      levelAssessment: '量化評估',
      levelAssessmentSub: 'KPI',
      notAnswered: '尚未回答',
      notRead: '無法讀取：見錯誤',
      notUsed: '未採用：見錯誤',
      notSet: '未設定',
      owner: '負責部門',
      objective: '目標',
      target: '目標值',
      baseline: '基線',
      attainment: '達成率',
      expectedToDate: '此時應達成',
      currentValue: '當前值',
      checkedIn: '累計實際值',
      forecast: '截止日預測',
      status: '狀態',
      due: '截止',
      start: '開始',
      score: '得分',
      confidence: '信心',
      type: '類型',
      finalScore: '最終得分',
      month: '月份',
      actual: '實際',
      dataTable: '資料表',
      latest: '最新',
      trackedBy: '追蹤指標',
      item: '事項',
      phase: '階段',
      end: '結束',
      roadmapEmpty: '計畫中還沒有路線圖事項。',
      noPhase: '未分階段',
      unreadStatus: '無法辨識',
      unreadStatusNote: '這不是計畫認得的狀態，不按任何狀態計算：請從清單中選擇。',
      roadmapExceptions: '未照計畫進行的路線圖事項',
      unreadTypeNote: '這不是計畫認得的類型，關鍵結果不按任何類型評估：請看該儲存格的錯誤。',
      department: '部門',
      lead: '負責人',
      objectives: '目標',
      roadmapItems: '路線圖',
      noDepartments: '計畫中沒有列出部門。',
      ownsNothing: '沒有負責任何事項',
      backToCompany: '返回公司總覽',
      severityError: '錯誤',
      severityWarning: '警告',
      severityTip: '提示',
      where: '位置',
      fix: '修改方法',
      problem: '問題',
      noIssues: '沒有發現問題：計畫通過了全部檢查。',
      allIssues: '全部計畫問題',
      when: '時間',
      id: '編號',
      field: '欄位',
      oldValue: '原值',
      newValue: '新值',
      who: '變更人',
      reason: '原因',
      noReason: '未填寫原因',
      footer: '由 gtm-pyramid 產生。靜態頁面：無腳本、無追蹤、無網路請求。',
      none: '–',
    },
    phrases: {
      title: (product) => `${product}：上市計畫`,
      objectivesCount: (_, t) => `${t} 個目標`,
      keyResultsCount: (_, t) => `${t} 個關鍵結果`,
      kpisCount: (_, t) => `${t} 個 KPI`,
      attainmentOver: (a, _, t, kind) => `${a}（計入 ${t} 個${kind === 'kr' ? '關鍵結果' : ' KPI'}）`,
      itemsCount: (_, t) => `${t} 個事項`,
      answered: (done, total) => `已回答 ${done}/${total}`,
      verdictObjectives: (parts, _total, t) => `${t} 個目標：${parts.join('，')}。`,
      statusCount: (count, status) => `${count} 個${status}`,
      noObjectives: () => '尚無目標。',
      problems: (_e, _w, e, w) => `計畫中有 ${e} 個錯誤、${w} 個警告。`,
      noProblems: () => '計畫通過了全部檢查。',
      tips: (_, t) => `${t} 則提示`,
      through: (month) => `截至 ${month}`,
      milestoneDone: (date) => `已於 ${date}完成`,
      milestoneDoneLate: (date) => `逾期完成，${date}`,
      milestoneDue: (date) => `截止 ${date}`,
      milestoneOpen: () => '尚未完成',
      more: (_, t) => `另有 ${t} 項`,
      moreWorstFirst: (_, t) => `另有 ${t} 項；最需關注的列在前面`,
      chartCaption: (id, kind, actuals, to) =>
        kind === 'cumulative'
          ? `${id}：累計目標值路徑${actuals ? '與實際值對比' : '；尚無實際值'}${to ? `，並預測至 ${to}` : ''}。`
          : kind === 'level'
            ? `${id}：計畫水準路徑${actuals ? '與實測值對比' : '；尚無實測值'}${to ? `，並按趨勢預測至 ${to}` : ''}。`
            : `${id}：每月應達到的標準${actuals ? '與實測值對比' : '；尚無實測值'}。`,
      roadmapCaption: (lanes, items, milestones) =>
        `路線圖：${lanes} 個部門泳道中的 ${items} 個事項，按階段著色；${milestones ? `菱形標記 ${milestones} 個關鍵結果的截止日期，按狀態著色；` : ''}虛線為截至日期。`,
      roadmapSummaryCaption: (lanes, items) =>
        `路線圖概覽：${lanes} 個部門泳道中的 ${items} 個事項，每個部門每個階段一條；菱形為每月截止的關鍵結果數，按其中最差的狀態著色。`,
      roadmapPhasesCaption: (departments, items, krs) =>
        `路線圖概覽：${departments} 個部門的 ${items} 個事項，每個階段一條泳道（從最早開始到最晚結束）；菱形為每月截止的關鍵結果數（共 ${krs} 個），按其中最差的狀態著色。各部門頁面列出其事項。`,
      roadmapSummaryMarks: (mark) => `含有偏離計畫事項的長條加上虛線外框，名稱前加 ${mark} 與各狀態的數量。`,
      roadmapOutside: (items, itemsText, krs, krsText, itemIds, krIds) =>
        `未繪出計畫期間以外的${[
          items ? ` ${itemsText} 個事項${itemIds ? `（${itemIds}）` : ''}` : '',
          krs ? ` ${krsText} 個關鍵結果的截止日期${krIds ? `（${krIds}）` : ''}` : '',
        ]
          .filter(Boolean)
          .join('和')}。`,
      asOfRule: (date) => `截至 ${date}`,
      roadmapDoneLegend: (status) => `淺色長條：${status}`,
      roadmapExceptionLegend: (mark, statuses) => `虛線外框、名稱前加 ${mark}：${statuses}`,
      largePlan: (krs, departments) =>
        `這是一個大型計畫（${krs} 個關鍵結果）：本頁為總覽，${departments} 個部門各有獨立頁面列出其關鍵結果。`,
      chartsOmitted: (limit) =>
        `關鍵結果不超過 ${limit} 個的計畫會為每個關鍵結果繪製圖表；每張卡片下方的資料表列出了月度數字。`,
      issuesTruncated: (shown, total) =>
        `此級別共 ${total} 個問題，這裡顯示 ${shown} 個，每種問題都有；完整清單見「全部計畫問題」。`,
      departmentTitle: (name) => `${name}：部門頁面`,
      departmentSummary: (o, k, p, i) => `${o} · ${k} · ${p} · ${i}`,
      source: (file) => file,
      exampleSource: () => '內建範例計畫',
      cellAt: (sheet, cell) => `${sheet} · ${cell}`,
      wholeTab: (sheet) => `${sheet}（工作表）`,
      forecastLabel: () => '預測',
      targetPath: (kind) =>
        kind === 'cumulative'
          ? '目標值路徑'
          : kind === 'level'
            ? '計畫水準'
            : kind === 'milestone'
              ? '計畫'
              : '達標線',
      milestoneMarker: () => '關鍵結果截止',
      leadBy: (lead) => `負責人：${lead}`,
      planHasErrors: (_n, t) => `計畫中有 ${t} 個錯誤：在修正之前，以下數字不包含受其影響的部分。`,
      leftOutError: (id, where) => `${id} 未計入：錯誤位於 ${where}`,
      leftOutSee: (id, where) => `${id} 未計入：見 ${where}`,
      leftOut: (id) => `${id} 未計入：沒有目標值或日期`,
      leftOutHeadline: () => '未計入',
      leftOutMore: (count) => `……另有 ${count} 項，各自的儲存格見計畫檢查`,
      changesMore: (_n, text) => `這裡列出最近 ${text} 筆變更；全部變更見 plan.json。`,
      monthsMet: (met, _judged, t) => `${t} 個月中有 ${met} 個月達標`,
      weightOf: (total, objective) => `${objective} 共 ${total}`,
    },
    sheet: {
      badSheetArg:
        '--sheet：「{value}」不是 Google 試算表的網址或試算表 ID；請從瀏覽器位址列複製網址（https://docs.google.com/spreadsheets/d/…/edit）',
      badApiRoot: 'GTM_PYRAMID_SHEETS_API：「{value}」不是 http(s) 網址，例如 https://sheets.googleapis.com/',
      noCredentials:
        '試算表 {id}：未找到 Google 憑證。在電腦上以您自己的 OAuth 用戶端（client_secret.json：在您的 Google Cloud 專案「憑證」頁面建立的「電腦版應用程式」用戶端）執行：gcloud auth application-default login --client-id-file=client_secret.json --scopes=https://www.googleapis.com/auth/spreadsheets.readonly,https://www.googleapis.com/auth/cloud-platform ；在 CI 中把 GOOGLE_APPLICATION_CREDENTIALS 設為服務帳號金鑰檔案（或使用工作負載身分聯合）。詳見 {guide}',
      badCredentialsFile:
        '試算表 {id}：GOOGLE_APPLICATION_CREDENTIALS 指向 {file}，無法用作 Google 憑證（{reason}）；請指向服務帳號金鑰檔案（JSON），或取消設定以使用 gcloud 的登入',
      badCredentialsJson:
        '試算表 {id}：GOOGLE_APPLICATION_CREDENTIALS 指向 {file}，它不是 JSON，因此不是 Google 金鑰檔案；請下載服務帳號的 JSON 金鑰（Google Cloud 控制台 › IAM 與管理 › 服務帳號 › 該帳號 › 金鑰 › 新增金鑰 › 建立新的金鑰 › JSON），並讓 GOOGLE_APPLICATION_CREDENTIALS 指向它，或取消設定以使用 gcloud 的登入',
      unauthenticated:
        '試算表 {id}：Google 拒絕了憑證（401：已過期或已撤銷）；請重新執行 gcloud auth application-default login，或更新 GTM_PYRAMID_ACCESS_TOKEN',
      forbidden: '試算表 {id}：沒有讀取權限（403）；請在 Google 試算表中點選「共用」，把{who}新增為檢視者',
      forbiddenServiceAccount: '服務帳號「{email}」',
      forbiddenUser: '您登入 gcloud 時使用的 Google 帳號（gcloud auth application-default login）',
      forbiddenToken: '「GTM_PYRAMID_ACCESS_TOKEN」所屬的帳號',
      scopeMissing:
        '試算表 {id}：這些憑證不含 Google 試算表的存取範圍（403：存取範圍不足），共用試算表也無濟於事；{fix}',
      scopeFixUser:
        '不加 --scopes 的 gcloud auth application-default login 不包含此範圍（gcloud 內建的 OAuth 用戶端也已不再授予此範圍），請以您自己的 OAuth 用戶端（client_secret.json：在您的 Google Cloud 專案「憑證」頁面建立的「電腦版應用程式」用戶端）加上此範圍重新登入：gcloud auth application-default login --client-id-file=client_secret.json --scopes=https://www.googleapis.com/auth/spreadsheets.readonly,https://www.googleapis.com/auth/cloud-platform',
      scopeFixToken: '請為 GTM_PYRAMID_ACCESS_TOKEN 改用具有 {scope} 範圍的權杖',
      scopeFixServiceAccount:
        '服務帳號 {email} 的權杖只有其所在 VM 的存取權範圍，其中沒有 Google 試算表：請在 VM 的存取權範圍中加入 {scope}（gcloud compute instances set-service-account --scopes），或改用金鑰檔案或工作負載身分聯合',
      apiDisabled:
        '試算表 {id}：這些憑證所屬的 Google Cloud 專案未啟用 Google Sheets API（403）；請啟用：gcloud services enable sheets.googleapis.com',
      noQuotaProject:
        '試算表 {id}：Google Sheets API 會把 gcloud 登入的要求計入其配額專案，而您的登入未設定配額專案（403）；請指定一個您已啟用 Sheets API 的 Google Cloud 專案（gcloud services enable sheets.googleapis.com --project PROJECT_ID）：{fix}',
      noQuotaProjectFixAdc: 'gcloud auth application-default set-quota-project PROJECT_ID',
      noQuotaProjectFixToken:
        '取消設定 GTM_PYRAMID_ACCESS_TOKEN（其權杖不帶配額專案），然後執行 gcloud auth application-default set-quota-project PROJECT_ID',
      notFound:
        '找不到 ID 為 {id} 的試算表（404）；請從試算表網址中複製 ID，即 https://docs.google.com/spreadsheets/d/ID/edit 中 /d/ 與 /edit 之間的部分，或直接傳入完整網址',
      busy: '試算表 {id}：重試 {attempts} 次後 Google 試算表仍返回 {status}（{reason}）；未寫入任何檔案。請幾分鐘後再試',
      busyQuota: '讀取配額暫時用盡',
      busyServer: 'Google 服務端故障',
      retrying:
        '試算表 {id}：Google 試算表返回 {status}（{reason}）；{seconds} 秒後重試（第 {attempt} 次，共 {tries} 次）',
      officeFile:
        '試算表 {id}：這是存放在 Google 雲端硬碟中的 Excel 檔案，Google 試算表開啟時沒有轉換格式，其 API 無法讀取（400：不支援此文件）；請在 Google 試算表中選擇「檔案」›「儲存為 Google 試算表」，再傳入新試算表的網址或 ID；或將它下載（「檔案」›「下載」›「Microsoft Excel (.xlsx)」），改為傳入該 .xlsx 檔案而不使用 --sheet',
      failed: '試算表 {id}：Google 試算表返回 {status}（{message}）；未寫入任何檔案',
      network: '試算表 {id}：無法連線 {host}（{code}）；請檢查網路連線或代理',
      timeout: '試算表 {id}：{host} 在 {seconds} 秒內沒有回應；請檢查網路連線後重試',
      badResponse: '試算表 {id}：{host} 的回應不是 Sheets API 的格式（{what}）',
      noPlanTabs: '試算表「{title}」（{id}）：未找到計畫工作表（現有：{tabs}）；應有{expected}',
    },
    file: {
      empty: '檔案為空（0 位元組），不是 .xlsx 活頁簿',
      encrypted: '活頁簿設有密碼（已加密）；請取消密碼，另存為 .xlsx 後重試',
      legacy: '這是舊版 Excel 97-2003（.xls）或其他舊版 Office 檔案，不是 .xlsx 活頁簿；請另存為 .xlsx',
      pdf: '這是 PDF 檔案，不是 .xlsx 活頁簿',
      markup: '這是 HTML 或 XML 檔案，不是 .xlsx 活頁簿',
      text: '這是文字檔（CSV？），不是 .xlsx 活頁簿；請將計畫下載為 Microsoft Excel（.xlsx）',
      notXlsx: '不是 .xlsx 活頁簿（檔案開頭不符合該格式）',
      lockFile:
        '這是 Excel 的鎖定檔（活頁簿開啟期間 Excel 在其旁邊寫入的檔案），不是活頁簿；請提供 {workbook}',
      corrupt: '檔案已損壞或不是 .xlsx 活頁簿：{problem}',
      damagedZip: 'zip 壓縮檔已損壞或不完整（{reason}）',
      checksumMismatch: 'zip 壓縮檔已損壞或不完整（{part} 的大小或檢查碼與內容不符）',
      notWellFormed: '檔案套件中的某個部件不是格式正確的 XML（{reason}）',
      damagedPart: '檔案套件中的某個部件缺失或已損壞（{reason}）',
      openDocument:
        '這是 OpenDocument 試算表（.ods），不是 .xlsx 活頁簿；請另存為 .xlsx（LibreOffice：檔案 › 另存新檔，Excel 2007-365）',
      otherZip: '這是包含其他檔案的 zip 壓縮檔，不是 .xlsx 活頁簿',
      noWorksheets: '其中沒有工作表（檔案套件缺少 xl/workbook.xml 或其中列出的工作表）',
      noSharedStrings: '檔案套件缺少一個部件（xl/sharedStrings.xml，即儲存格中的文字）',
      cellOutside: '{part}：儲存格 {ref} 超出了工作表的 1,048,576 列、16,384 欄',
      rowOutside: '{part}：第 {ref} 列超出了工作表的 1,048,576 列',
      mergeOutside: '{part}：合併範圍 {ref} 超出了工作表的 1,048,576 列、16,384 欄',
      partTooLarge: '活頁簿太大，無法讀取：{part} 解壓縮後有 {size} GB',
      textTooLong: '活頁簿太大，無法讀取：{part} 中有一段超過 512 MB 的文字',
      emptyWorkbook: '活頁簿為空：其中的工作表（{count} 個）都沒有儲存格',
      noSuchFile: '檔案不存在',
      noSuchFileButSheet: '檔案不存在；如要讀取這個 Google 試算表，請用 --sheet 指定',
      isFolder: '是資料夾，不是 .xlsx 檔案',
      permissionDenied: '沒有權限',
      unreadable: '無法讀取（{code}）',
    },
    fileSystem: {
      EACCES: '沒有權限',
      EPERM: '不允許此操作',
      EBUSY: '正在使用中：掛載點，或被程式開啟的資料夾',
      ENOTEMPTY: '另一次執行同時寫入了該位置；請重試',
      ENOTDIR: '路徑中的某一部分是檔案而不是資料夾',
      ENOENT: '路徑中的某個資料夾不存在，或無法存放內容',
      EEXIST: '已有同名檔案',
      EISDIR: '這是一個資料夾',
      EROFS: '磁碟為唯讀',
      ENOSPC: '磁碟已滿',
      EMFILE: '同時開啟的檔案過多；請重試',
      ENAMETOOLONG: '名稱太長，檔案系統無法儲存（最多 255 位元組，約 85 個漢字）',
    },
    output: {
      symlink: '是符號連結；請用 --out 指定實際的資料夾',
      notFolder: '已存在且不是資料夾；請另選 --out',
      uninspectable: '無法檢查（{code}）；未做任何更改。請另選 --out，或修正該路徑',
      notOurs:
        '已存在且不是 gtm-pyramid 報告（其中沒有 {marker}）；未做任何更改。請另選 --out 或清空該資料夾',
      markerUnreadable: '其中的 {marker} 無法讀取；未做任何更改。如需重新產生，請自行刪除該資料夾',
      foreignFiles: '其中有上次報告未寫入的檔案（{files}）；未做任何更改。請移走這些檔案或另選 --out',
      noParent: '無法建立其上層資料夾（{code}）；請另選 --out，或自行建立該資料夾',
      unwritable: '無法寫入（{code}）',
      parentUnwritable:
        '它所在的資料夾 {parent} 無法寫入（{code}）：報告先在該資料夾旁產生再改名取代，所以 {parent} 也必須可寫入；未做任何更改。請為 {parent} 加上寫入權限，或另選一個可寫入資料夾中的 --out',
      mountPoint:
        '是掛載點，報告無法取代它（報告先在該資料夾旁產生再改名取代）；未做任何更改。請讓 --out 指向其中的資料夾，例如 {out}/report',
      exists: '已存在；如要取代請加上 --force，或另選 --out',
      notXlsxName: '範例計畫是 .xlsx 活頁簿：--out 的檔名請以 .xlsx 結尾',
      workingFolder:
        '是命令所在的資料夾（或包含它），報告會取代該資料夾；未做任何更改。請在上一層資料夾中執行，並用 --out 指定此資料夾',
      skipsReport:
        '其中的報告歷史到 {lost} 為止，晚於 --previous 的報告（截至 {previous}）：本次報告會讓 {lost} 從歷史中消失；未做任何更改。請讓 --previous 指向此資料夾中的報告（{suggest}），或用 --out 寫到別處',
      notCarried:
        '其中的報告歷史到 {lost} 為止，而 --previous 的報告（截至 {previous}）的歷史中沒有這些報告：本次報告會讓它們從歷史中消失；未做任何更改。請讓 --previous 指向此資料夾中的報告（{suggest}），或用 --out 寫到別處',
      otherPlanReport:
        '其中是另一個計畫的報告（「{product}」，截至 {asOf}），帶有 {reports} 份報告的歷史，本次「{current}」的報告會取代它；未做任何更改。請用 --out 寫到別處，或加上 --new-history 取代該報告及其歷史',
      laterReport:
        '其中的報告截至 {lost}，晚於本次報告（{asOf}），本次報告會取代它；未做任何更改。請檢查 --as-of，用 --out 寫到別處，或加上 --new-history 取代它',
    },
    usage: {
      help: [
        '用法：',
        '  gtm-pyramid report [plan.xlsx | --sheet URL|ID] [--previous PATH|URL [--new-history]] [-o|--out DIR] [--lang en|zh-CN|zh-TW] [--as-of YYYY-MM-DD] [--locale LOCALE]',
        '      寫出靜態報告（DIR/index.html、plan.json；DIR 預設為 {reportDir}）。',
        '      未指定 plan.xlsx 或 --sheet 時，使用內建範例計畫（截至 {exampleAsOf}，除非指定 --as-of）。',
        '      --sheet 讀取線上 Google 試算表（應用程式預設憑證；見 {guide}）。',
        '      --previous 指定上次報告的 plan.json（檔案、上次報告的資料夾或 https:// 網址）：報告會說明自上次報告以來的變化。',
        '      --new-history：--previous 無法使用（產品已改名、檔案損毀）時，從本次報告重新開始歷史；不加此選項則不寫入任何檔案（結束代碼 2）。回傳 404 的網址（尚未發布）不需要此選項。加上它，報告也可以取代 DIR 中另一個計畫的報告或更晚的報告，否則會保留它們（結束代碼 2）。',
        '      --as-of 指定評估進度的日期（預設今天；使用 --sheet 時為試算表時區的今天）。',
        '      --locale de_DE 依該地區設定的寫法讀取檔案中以文字填寫的數字（1.234,5）；線上試算表使用其本身的設定。',
        '      結束代碼 0：已寫出；1：已寫出，但計畫有錯誤（每個頁面都會註明）；2：已寫出但計畫中沒有關鍵結果，或未寫入任何檔案（計畫、輸出資料夾或 --previous 無法使用，或命令列有誤）。',
        '  gtm-pyramid check [plan.xlsx | --sheet URL|ID] [--json] [--lang en|zh-CN|zh-TW] [--as-of YYYY-MM-DD] [--locale LOCALE]',
        '      執行計畫檢查（--json：以 JSON 輸出）。結束代碼 0：沒有錯誤；1：計畫有錯誤；2：無法讀取計畫、無法寫入輸出，或命令列有誤。',
        '  gtm-pyramid example [-o|--out FILE] [--lang en|zh-CN|zh-TW] [--force]',
        '      將範例計畫寫成 .xlsx，以匯入 Google 試算表（預設 {exampleFile}；--force 會取代現有檔案）。結束代碼 0：已寫出；2：未寫入任何檔案。',
        '  gtm-pyramid -h|--help | -v|--version',
        '  --lang 指定提示訊息、報告和範例計畫的語言。未指定時，關於計畫、報告和輸出資料夾的訊息使用計畫的語言（其「語言」儲存格，否則依工作表名稱判斷）；其餘（--help、命令列錯誤、無法讀取的檔案、example）使用英文。',
      ].join('\n'),
      badLang: '--lang 應為 en、zh-CN 或 zh-TW 等語言，而不是「{value}」',
      badAsOf: '--as-of 應為 1900 至 9999 年間、以 YYYY-MM-DD 書寫的真實日期，而不是「{value}」',
      badAsOfLike: '--as-of 應以 YYYY-MM-DD 書寫，而不是「{value}」：請寫成 {suggestion}',
      emptyFile: '{command}：計畫檔名為空（""）；請提供 .xlsx 活頁簿的路徑，或省略它以使用內建範例計畫',
      badLocale: '--locale 應為 en_US、de_DE 或 fr-FR 等地區設定，而不是「{value}」',
      unknownOption: '{command}：未知選項 {option}（見 gtm-pyramid --help）',
      missingValue: '{command}：{option} 需要一個值（見 gtm-pyramid --help）',
      dashValue: '{command}：{option} 需要一個值；以「-」開頭的值請寫成 {option}=值',
      noValue: '{command}：{option} 不接受值（見 gtm-pyramid --help）',
      badArguments: '{command}：{detail}（見 gtm-pyramid --help）',
      tooManyFiles: '{command}：最多一個計畫檔案，實際給了 {count} 個',
      fileAndSheet: '請指定計畫檔案或 --sheet，不要同時指定',
      unexpectedArgument: '{command}：多餘的參數「{value}」（請用 --out FILE）',
      unknownCommand: '未知命令「{command}」；請試試 gtm-pyramid --help',
      unexpectedFailure: '{command}：意外失敗：{message}',
      outputFailed:
        '無法寫入標準輸出（{code}），命令的輸出不完整；請釋放磁碟空間或把輸出寫到別處，然後重新執行',
    },
    previous: {
      unreadable: '--previous {source}：無法讀取（{reason}）',
      notPlanJson: '--previous {source}：不是 gtm-pyramid 的 plan.json（{reason}）',
      unknownVersion: '--previous {source}：plan.json 版本 {version} 無法識別（本工具讀取版本 {expected}）',
      newer: '--previous {source}：其截至日期 {previous} 不早於本報告的 {asOf}',
      otherPlan: '--previous {source}：這是另一個計畫的報告（「{previous}」，而非「{current}」）',
      otherProduct:
        '--previous {source}：這是產品「{previous}」的報告，而「策略」表現在填寫的產品是「{current}」',
      writtenWithout: '警告：{why}；報告將不含「自上次報告以來」',
      startedAgain: '警告：{why}；報告將不含「自上次報告以來」，其歷史從本次報告重新開始（--new-history）',
      refused: '{why}；未寫入任何檔案。{advice}',
      adviceRenamed:
        '如果產品已改名，請加上 --new-history，以新名稱重新開始其歷史；否則請讓 --previous 指向「{current}」的上一份報告',
      adviceUnreachable:
        '已發布的歷史記錄未受影響：請稍後再執行此命令（該網址此刻無法讀取，並不表示那裡尚未發布任何內容）',
      adviceOther:
        '請讓 --previous 指向本計畫的上一份報告（首次產生報告時請省略 --previous），或加上 --new-history 從本次報告重新開始歷史',
      adviceFolder:
        '請讓 --previous 指向本次之前的最後一份報告（{out} 中的是 {suggest}），或加上 --new-history 從本次報告重新開始歷史',
      adviceOwn: '請用 --out 把本次報告寫到別處，或加上 --new-history 從本次報告重新開始歷史',
      historyAtRisk:
        '{why}；未做任何更改：{out} 中的報告帶有 {reports} 份報告的歷史，本次報告不會延續它。請讓 --previous 指向本次之前的最後一份報告（{out} 中的是 {suggest}），或加上 --new-history 重新開始歷史',
      used: '自上次報告以來：與 {source}（截至 {previous}）對比。',
      reasons: {
        invalidUrl: '不是有效的位址',
        httpsOnly: '只讀取 https:// 位址，http:// 僅限本機',
        status: '伺服器回傳 HTTP {status}',
        timeout: '{seconds} 秒內沒有回應',
        tooLarge: '超過 {megabytes} MB',
        tooManyRedirects: '重新導向超過 {count} 次',
        credentials:
          '位址中含有使用者名稱或密碼，這些既不會傳送也不會顯示；請去掉它們再提供位址（簽署網址查詢部分中的權杖可以讀取）',
        blockedPort: '它的連接埠基於安全原因 fetch 從不連線（例如 1、25 或 6000）；請提供報告發布所在的位址',
        noFile: '檔案不存在',
        noPlanJson: '該資料夾中沒有 plan.json',
        notJson: '不是 JSON',
        notJsonFolder: '不是 JSON：報告的 plan.json 位於其位址後加 plan.json',
        noVersion: '缺少 version 或 objectives',
        noAsOf: '缺少 asOf 或 keyResults',
        malformed: '內容不是 plan.json 的格式',
      },
    },
    since: {
      title: '自上次報告以來',
      intro: '{previous} 至 {asOf} 之間的變化。',
      statusChanges: '狀態變化',
      noStatusChanges: '沒有狀態變化。',
      attainment: '達成率',
      attainmentChange: '{from} → {to}（{change} 個百分點）',
      checkIns: '新增實際值',
      checkInsCount: '新增 {count} 個月度實際值：{ids}',
      more: '……另有 {count} 項，見 plan.json',
      noCheckIns: '沒有新增實際值。',
      corrections: '修改過的實際值',
      correction: '{id} {month}：{was} → {now}',
      targetChanges: '目標值變更',
      noTargetChanges: '沒有目標值變更。',
      addedRemoved: '新增或刪除',
      added: '新增',
      removed: '刪除',
      targetChange: '{id} {field}：{from} → {to}',
      targetUnlogged: '{id} {field}：{from} → {to}（「{changes}」工作表中沒有記錄）',
      fieldChange: '{field}：{from} → {to}',
      weightField: '{month}權重',
      changedBy: '由 {who} 修改',
      objective: '目標',
      keyResult: '關鍵結果',
      kpi: 'KPI',
      trend: '歷次報告的達成率：{points}',
      trendCaption: '{reports} 次報告：{from} → {to}',
    },
  },
  sidebar: {
    title: '檢查計畫',
    checkAgain: '重新檢查',
    language: '語言',
    checking: '正在檢查計畫…',
    fixing: '正在套用快速修正…',
    summary: '概覽',
    errors: '錯誤',
    warnings: '警告',
    tips: '提示',
    objectives: '目標：',
    keyResults: '關鍵結果：',
    kpis: 'KPI：',
    noObjectives: '還沒有目標。',
    checked: '檢查時間 {time}；進度截至 {date}。',
    done: '檢查完成：{errors} 個錯誤、{warnings} 個警告、{tips} 則提示。',
    noIssues: '未發現問題：計畫已可用於檢討。',
    tabMissing: '缺少工作表',
    jumpTo: '前往錯誤、警告或提示',
    showMore: {
      error: '顯示其餘 {count} 個錯誤',
      warning: '顯示其餘 {count} 個警告',
      tip: '顯示其餘 {count} 則提示',
    },
    showMoreOne: {
      error: '顯示其餘 {count} 個錯誤',
      warning: '顯示其餘 {count} 個警告',
      tip: '顯示其餘 {count} 則提示',
    },
    moreLikeThis: '顯示「{sheet}」{column} 欄另外 {count} 個同類問題',
    moreLikeThisNoColumn: '顯示「{sheet}」另外 {count} 個同類問題',
    issueCount: '{count} 個問題',
    issueCountOne: '{count} 個問題',
    goTo: '前往儲存格 {cell}',
    goToLabel: '前往儲存格 {cell}（工作表「{sheet}」）',
    fix: '修改方法：',
    changed: '已修改：',
    failed: '無法檢查計畫。{reason}',
    callFailed: '操作未成功。{reason}',
    tryAgain: '請稍後點選「重新檢查」。',
    rechecked: '已重新檢查計畫：下方清單是計畫現在的狀態。',
    noServer:
      '這是 GTM 金字塔外掛的「檢查計畫」側邊欄。請在 Google 試算表中從「擴充功能 › GTM 金字塔 › 檢查計畫」開啟，或執行本地沙盒（npm run sandbox）。',
    severity: { error: '錯誤', warning: '警告', tip: '提示' },
  },
  glossary: {
    vision: '願景',
    strategy: '策略',
    tactics: '戰術',
    objective: '目標',
    keyResult: '關鍵結果',
    kpi: 'KPI',
    department: '部門',
    owner: '負責部門',
    roadmap: '路線圖',
    target: '目標值',
    baseline: '基線',
    actual: '實際',
    attainment: '達成率',
    status: '狀態',
    error: '錯誤',
    warning: '警告',
    tip: '提示',
    fix: '修改方法',
    checkPlan: '檢查計畫',
    decomposeTargets: DECOMPOSE,
    insertTemplates: '插入範本',
  },
  parse: {
    QUOTED: '「{text}」',
    ROW_OF_TAB: '「{tab}」第 {row} 列',
    NO_UNIT: '無',
    MONTH_WEIGHT: '{month} 權重',
    EMPTY: '空白',
    LOCALE_GIVEN: '依其地區設定',
    NO_LOCALE: '未指定地區設定：活頁簿檔案不記錄地區設定，可用 gtm-pyramid --locale 指定',
  },
  cli: {
    reportWritten: (path) => `報告已寫入 ${path}`,
    reportSummary: (source, krs, errors, warnings, files) =>
      `${source}：${krs} 個關鍵結果，${errors} 個錯誤，${warnings} 個警告；${files} 個檔案。`,
    builtInExample: () => '內建範例計畫',
    asOfGiven: (date) => `截至 ${date}（--as-of）。`,
    asOfExample: (date) => `截至 ${date}，即範例計畫的日期（可用 --as-of YYYY-MM-DD 更改）。`,
    asOfToday: (date) => `截至 ${date}，即今天（可用 --as-of YYYY-MM-DD 固定日期）。`,
    open: (url) => `開啟 ${url}`,
    noKeyResults: () => 'report：未能讀取任何關鍵結果，因此報告不顯示進度（結束代碼 2）。',
    planHasErrors: (errors) => `report：計畫中有 ${errors} 個錯誤；每個頁面都會註明（結束代碼 1）。`,
    checkSummary: (name, errors, warnings, tips, asOf) =>
      `${name}：${errors} 個錯誤，${warnings} 個警告，${tips} 則提示（截至 ${asOf}）`,
    checkTally: (kinds, guide) => `依類型：${kinds}。各類型的說明見 ${guide}`,
    exampleWritten: (path, language) => `範例計畫已寫入 ${path}（${language}）。`,
    exampleImport: () =>
      '在 Google 試算表中從「檔案 > 匯入 > 上傳（取代試算表）」匯入，或用 Excel、LibreOffice 開啟。',
    asOfBeforePeriod: (asOf, start, end) =>
      `警告：評估日期 ${asOf} 早於計畫週期（${start} – ${end}）：當天計畫中還沒有任何到期的目標。請用 --as-of 指定週期內的日期（即要用的檢討日期），或在「策略」表中更正週期。`,
    asOfAfterPeriod: (asOf, start, end) =>
      `警告：評估日期 ${asOf} 比計畫週期（${start} – ${end}）結束晚了一年以上：其中的目標早已到期。請用 --as-of 指定週期內或剛結束後的日期（即要用的檢討日期），或在「策略」表中更正週期。`,
    missingTabs: (tabs, fixes) =>
      `缺少${tabs.map((t) => `「${t}」`).join('、')}工作表；報告需要${tabs.length > 1 ? '這些工作表' : '這個工作表'}。${fixes.join('')}`,
    noPlanTabs: (tabs, expected) =>
      `未找到計畫工作表（現有：${tabs}）；應有${expected}。請提供計畫的活頁簿，或從範例計畫開始：gtm-pyramid example`,
  },
};
