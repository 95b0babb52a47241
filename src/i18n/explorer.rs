//! The explorer's interface words, in each language: the page's script reads them
//! from its data (`words`), so its `中文` toggle and `html --lang zh` switch every
//! heading, tab, button, hint and table header without a word written in the script.
//! `{n}`, `{a}`, `{b}`, `{i}` and `{len}` are filled in by the page.

/// `(key, English, Chinese)`, one row a phrase.
pub(crate) const EXPLORER: &[(&str, &str, &str)] = &[
    ("title", "linkage explorer", "linkage 概念图浏览器"),
    ("find", "Find a concept", "查找概念"),
    (
        "findPlaceholder",
        "label, alias or 中文",
        "名称、别名或英文",
    ),
    ("paper", "Paper", "文献"),
    ("allPapers", "All papers", "全部文献"),
    ("langButton", "中文", "English"),
    ("langLabel", "Show the page in Chinese", "以英文显示本页"),
    ("zoom", "Zoom", "缩放"),
    ("zoomIn", "Zoom in", "放大"),
    ("zoomOut", "Zoom out", "缩小"),
    ("fit", "Fit", "全图"),
    (
        "canvas",
        "Concept graph: arrow keys pan, + and − zoom, 0 fits",
        "概念图：方向键平移，+ 与 − 缩放，0 显示全图",
    ),
    ("graph", "Concept graph", "概念图"),
    ("legend", "Legend", "图例"),
    ("details", "Details", "详情"),
    ("path", "Path", "路径"),
    ("compare", "Compare", "比较"),
    (
        "hint",
        "Click a concept or a relation in the graph, or find one by name above. In a list of \
         relations, Tab moves and Enter opens. In the drawing: arrow keys pan, + and − zoom, 0 \
         shows everything.",
        "点击图中的概念或关系，或在上方按名称查找。在关系列表中，Tab 键移动，Enter 键打开。\
         在图中：方向键平移，+ 与 − 缩放，0 显示全图。",
    ),
    ("from", "From", "从"),
    ("to", "To", "到"),
    ("filter", "filter", "筛选"),
    (
        "filterFrom",
        "Filter the concepts listed for From",
        "筛选“从”列出的概念",
    ),
    (
        "filterTo",
        "Filter the concepts listed for To",
        "筛选“到”列出的概念",
    ),
    (
        "filterA",
        "Filter the concepts listed for A",
        "筛选 A 列出的概念",
    ),
    (
        "filterB",
        "Filter the concepts listed for B",
        "筛选 B 列出的概念",
    ),
    ("findChains", "Find chains", "查找链条"),
    ("titleUnknown", "Title unknown.", "题名不详。"),
    ("authorsUnknown", "Authors unknown.", "作者不详。"),
    ("venueUnknown", "Venue unknown.", "出处不详。"),
    ("yearUnknown", "Year unknown.", "年份不详。"),
    ("also", "also: ", "又称："),
    (
        "noRelation",
        "No relation of this concept is asserted by the selected paper.",
        "所选文献未提出此概念的任何关系。",
    ),
    ("with", "with ", "关联："),
    ("aspect", "Aspect: ", "方面："),
    ("dimension", "Dimension: ", "维度："),
    ("sources", "Sources ({n})", "来源（{n}）"),
    // A count after a heading, bracketed as the language does.
    ("counted", " ({n})", "（{n}）"),
    (
        "pickTwo",
        "Pick two different concepts.",
        "请选择两个不同的概念。",
    ),
    (
        "noChain",
        "No chain of relations leads from {a} to {b}.",
        "没有关系链从{a}通向{b}。",
    ),
    (
        "noChainPaper",
        "No chain of relations leads from {a} to {b} in this paper.",
        "在此文献中，没有关系链从{a}通向{b}。",
    ),
    (
        "chainsOne",
        "{n} shortest chain of {len} step",
        "{n} 条最短链条，共 {len} 步",
    ),
    (
        "chainsOneLong",
        "{n} shortest chain of {len} steps",
        "{n} 条最短链条，共 {len} 步",
    ),
    (
        "chainsMany",
        "{n} shortest chains of {len} step",
        "{n} 条最短链条，每条 {len} 步",
    ),
    (
        "chainsManyLong",
        "{n} shortest chains of {len} steps",
        "{n} 条最短链条，每条 {len} 步",
    ),
    ("firstListed", " (first {n} listed)", "（列出前 {n} 条）"),
    ("tourChain", "Step through chain 1", "逐步查看链条 1"),
    ("chain", "Chain {i}: ", "链条 {i}："),
    ("pair", "{a} and {b}", "{a}与{b}"),
    ("tourDiff", "Step through ({n})", "逐步查看（{n}）"),
    (
        "commonQuotes",
        "Common ground, with the quotes ({n})",
        "共同点及引文（{n}）",
    ),
    ("noneAsserted", "None asserted.", "无文献提出。"),
    ("commonGround", "Common ground", "共同点"),
    (
        "differencesDims",
        "Differences ({n} dimensions)",
        "差异（{n} 个维度）",
    ),
    ("direct", "Direct relations ({n})", "直接关系（{n}）"),
    (
        "disputedWays",
        "Disputed: the papers relate the two in {n} different ways; each relation below names \
         who says it.",
        "有争议：各文献以 {n} 种不同方式关联二者；下列每条关系注明其提出者。",
    ),
    ("differences", "Differences", "差异"),
    ("papersNaming", "papers naming it", "提出此项的文献数"),
    ("disputed", "Disputed", "争议"),
    ("contradiction", "contradiction", "矛盾"),
    ("tension", "tension", "张力"),
    ("framing", "framing", "表述不同"),
    ("stepByStep", "Step by step", "逐步查看"),
    ("previous", "\u{2190} Previous", "\u{2190} 上一步"),
    ("stepOf", " Step {i} of {n} ", " 第 {i} 步，共 {n} 步 "),
    ("next", "Next \u{2192}", "下一步 \u{2192}"),
    ("close", "Close", "关闭"),
];
