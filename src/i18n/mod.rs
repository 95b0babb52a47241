//! The words linkage writes for people, in each language of `--lang`: one table, so a
//! writer asks for a phrase and never tests the language itself.
//!
//! Names of concepts and relation kinds come from the data and the schema
//! (`label_zh`, `template_zh`), quotes stay in the language of the paper's text, and
//! citations stay as the papers' records give them; these are the words around them.
//! JSON carries none of these words: it is data, the same in every language.

mod disputes;
mod explorer;
mod notices;
mod position;
mod teach;

pub(crate) use explorer::EXPLORER;

use crate::{
    dot::Lang,
    query::contested::{Kind, Strength},
};

/// The phrases of one language; [`Messages::of`] gives them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Messages {
    lang: Lang,
}

/// Something counted: its English singular and plural, its Chinese measure word and noun.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Noun {
    one: &'static str,
    many: &'static str,
    zh: &'static str,
}

/// Papers.
pub(crate) const PAPERS: Noun = Noun {
    one: "paper",
    many: "papers",
    zh: "篇文献",
};
/// Aspects of common ground.
pub(crate) const ASPECTS: Noun = Noun {
    one: "aspect",
    many: "aspects",
    zh: "个方面",
};
/// Dimensions of difference.
pub(crate) const DIMENSIONS: Noun = Noun {
    one: "dimension",
    many: "dimensions",
    zh: "个维度",
};
/// Steps of a chain.
pub(crate) const STEPS: Noun = Noun {
    one: "step",
    many: "steps",
    zh: "步",
};
/// Paths between two concepts.
pub(crate) const PATHS: Noun = Noun {
    one: "path",
    many: "paths",
    zh: "条路径",
};

impl Messages {
    /// The phrases of `lang`.
    pub(crate) fn of(lang: Lang) -> Self {
        Self { lang }
    }

    /// The language of these phrases.
    pub(crate) fn lang(self) -> Lang {
        self.lang
    }

    /// Picks the phrase of this language.
    fn pick<T>(self, en: T, zh: T) -> T {
        match self.lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// `n` things: "3 papers", "1 paper"; "3 篇文献".
    pub(crate) fn count(self, n: usize, noun: Noun) -> String {
        match self.lang {
            Lang::En => format!("{n} {}", if n == 1 { noun.one } else { noun.many }),
            Lang::Zh => format!("{n} {}", noun.zh),
        }
    }

    /// The separator of a label from what follows it: ": " or "：".
    pub(crate) fn colon(self) -> &'static str {
        self.pick(": ", "：")
    }

    /// A count after a heading: " (3)" or "（3）".
    pub(crate) fn in_brackets(self, text: &str) -> String {
        self.pick(format!(" ({text})"), format!("（{text}）"))
    }

    /// A lesson's title: "From A to B".
    pub(crate) fn chain_title(self, a: &str, b: &str) -> String {
        self.pick(format!("From {a} to {b}"), format!("从{a}到{b}"))
    }

    /// A comparison's title: "A and B".
    pub(crate) fn a_and_b(self, a: &str, b: &str) -> String {
        self.pick(format!("{a} and {b}"), format!("{a}与{b}"))
    }

    /// A paper's lesson's title: "The argument of Hao (2021)".
    pub(crate) fn argument_of(self, cite: &str) -> String {
        self.pick(format!("The argument of {cite}"), format!("{cite}的论证"))
    }

    /// "Step 2 of 5".
    pub(crate) fn step_of(self, k: usize, n: usize) -> String {
        self.pick(format!("Step {k} of {n}"), format!("第 {k} 步，共 {n} 步"))
    }

    /// A further source under a figure's caption: "also Hao (2021), p. 3".
    pub(crate) fn also_cited(self, cite: &str) -> String {
        self.pick(format!("also {cite}"), format!("另见 {cite}"))
    }

    /// What follows a quote's locator on a slide: " (and 2 more quotes)".
    pub(crate) fn more_quotes(self, more: usize) -> String {
        match more {
            0 => String::new(),
            1 => self.pick(" (and 1 more quote)", "（另有 1 条引文）").into(),
            n => self.pick(
                format!(" (and {n} more quotes)"),
                format!("（另有 {n} 条引文）"),
            ),
        }
    }

    /// Before a dispute's meaning on a slide: "Disputed: ".
    pub(crate) fn disputed_because(self) -> &'static str {
        self.pick("Disputed: ", "争议：")
    }

    /// The column of dispute marks.
    pub(crate) fn disputed(self) -> &'static str {
        self.pick("Disputed", "争议")
    }

    /// The column of paper counts.
    pub(crate) fn papers_heading(self) -> &'static str {
        self.pick("Papers", "文献")
    }

    /// One difference (a slide's kind of row).
    pub(crate) fn difference(self) -> &'static str {
        self.pick("Difference", "差异")
    }

    /// "How they relate 2 of 7".
    pub(crate) fn how_they_relate_of(self, k: usize, n: usize) -> String {
        self.pick(
            format!("How they relate {k} of {n}"),
            format!("二者如何关联：第 {k} 项，共 {n} 项"),
        )
    }

    /// "Difference 3 of 11".
    pub(crate) fn item_of(self, name: &str, k: usize, n: usize) -> String {
        self.pick(
            format!("{name} {k} of {n}"),
            format!("{name}：第 {k} 项，共 {n} 项"),
        )
    }

    /// A dispute's strength, as a table marks a row.
    pub(crate) fn strength(self, strength: Strength) -> &'static str {
        match strength {
            Strength::Contradiction => self.pick("contradiction", "矛盾"),
            Strength::Tension => self.pick("tension", "张力"),
            Strength::Framing => self.pick("framing", "表述不同"),
            Strength::Related => self.pick("related", "相关"),
        }
    }

    /// "5 papers compare them."
    pub(crate) fn papers_compare_them(self, n: usize) -> String {
        self.pick(
            format!(
                "{n} {} them.",
                if n == 1 {
                    "paper compares"
                } else {
                    "papers compare"
                }
            ),
            format!("{n} 篇文献对二者作了比较。"),
        )
    }

    /// The key under a comparison at a glance.
    pub(crate) fn glance_key(self) -> &'static str {
        self.pick(
            "Papers: how many name the row; disputed: how they disagree about it (a \
             contradiction cannot both hold, a tension pulls against, a framing sees the \
             same thing another way).",
            "文献：提出该项的文献数；争议：各文献的分歧方式（矛盾：不能同时成立；\
             张力：相互牵制；表述不同：从另一角度看同一事物）。",
        )
    }

    /// The language's code in HTML's `lang`.
    pub(crate) fn code(self) -> &'static str {
        self.pick("en", "zh")
    }

    /// "Slide 3 of 40" (the numbers as given, so a page's script can fill them).
    pub(crate) fn slide_of(self, k: &str, n: &str) -> String {
        self.pick(format!("Slide {k} of {n}"), format!("第 {k} 页，共 {n} 页"))
    }

    /// The button back.
    pub(crate) fn previous(self) -> &'static str {
        self.pick("← Previous", "← 上一页")
    }

    /// The button on.
    pub(crate) fn next(self) -> &'static str {
        self.pick("Next →", "下一页 →")
    }

    /// "A and B differ in time".
    pub(crate) fn differ_in(self, a: &str, b: &str, dimension: &str) -> String {
        self.pick(
            format!("{a} and {b} differ in {dimension}"),
            format!("{a}与{b}在{dimension}上存在差异"),
        )
    }

    /// The word standing for a relation kind inside an arrow ("<--kind--").
    pub(crate) fn kind(self) -> &'static str {
        self.pick("kind", "关系")
    }

    /// The heading of the relations joining two concepts directly.
    pub(crate) fn how_they_relate(self) -> &'static str {
        self.pick("How they relate", "二者如何关联")
    }

    /// The heading of common ground.
    pub(crate) fn common_ground(self) -> &'static str {
        self.pick("Common ground", "共同点")
    }

    /// The heading of differences.
    pub(crate) fn differences(self) -> &'static str {
        self.pick("Differences", "差异")
    }

    /// What a section without items says.
    pub(crate) fn none_recorded(self) -> &'static str {
        self.pick("none recorded", "无记录")
    }

    /// The note under an aspect that is also a dimension of difference.
    pub(crate) fn also_a_difference(self) -> &'static str {
        self.pick(
            "note: also named a difference (see Differences, and `linkage contested`)",
            "注：此项也被列为差异（见“差异”及 `linkage contested`）",
        )
    }

    /// "worded by A; B:" above one wording of a difference.
    pub(crate) fn worded_by(self, papers: &str) -> String {
        self.pick(format!("worded by {papers}:"), format!("{papers}的表述："))
    }

    /// The heading of the structural contrast.
    pub(crate) fn structural_contrast(self) -> &'static str {
        self.pick("Structural contrast", "结构对比")
    }

    /// Neighbours shared by both concepts.
    pub(crate) fn both(self) -> &'static str {
        self.pick("both", "二者皆有")
    }

    /// Neighbours of one concept only: "only A".
    pub(crate) fn only(self, name: &str) -> String {
        self.pick(format!("only {name}"), format!("仅{name}"))
    }

    /// The words between two concepts set side by side: "  vs  ".
    pub(crate) fn versus(self) -> &'static str {
        self.pick("  vs  ", "  对比  ")
    }

    /// The note that two papers asserting a row share passages of text.
    pub(crate) fn shared_text(self, x: &str, y: &str) -> String {
        self.pick(
            format!(
                "note: {x} and {y} share passages of text; this agreement may rest on one wording"
            ),
            format!("注：{x}与{y}有相同的文字段落；此处的一致可能出自同一表述"),
        )
    }

    /// The title of `diff`'s summary: "A and B: 5 papers compare them".
    pub(crate) fn compared_by(self, a: &str, b: &str, papers: usize) -> String {
        let counted = self.count(papers, PAPERS);
        self.pick(
            format!("{a} and {b}: {counted} compare them"),
            format!("{a}与{b}：{counted}对二者作了比较"),
        )
    }

    /// The summary's line of relation kinds, with the marked ones read from `b`.
    pub(crate) fn how_they_relate_counted(self, backwards_from: Option<(&str, &str)>) -> String {
        match backwards_from {
            None => self
                .pick("How they relate (papers)", "二者如何关联（文献数）")
                .into(),
            Some((arrow, b)) => self.pick(
                format!("How they relate (papers; {arrow} from {b})"),
                format!("二者如何关联（文献数；{arrow} 为从{b}出发）"),
            ),
        }
    }

    /// The summary's line of aspects: "Common ground (9, papers)".
    pub(crate) fn common_ground_counted(self, n: usize) -> String {
        self.pick(
            format!("Common ground ({n}, papers)"),
            format!("共同点（{n} 项，文献数）"),
        )
    }

    /// The summary's heading of dimensions, with the two sides' names.
    pub(crate) fn differences_counted(self, n: usize, a: &str, b: &str) -> String {
        self.pick(
            format!("Differences ({n}; papers; {a} | {b})"),
            format!("差异（{n} 项；文献数；{a} | {b}）"),
        )
    }

    /// The heading of the disputes line, before its command: "Disputes about A or B: 20".
    pub(crate) fn disputes_about(self, names: &[&str], n: usize) -> (&'static str, String) {
        let title = self.pick("Disputes", "争议");
        let head = self.pick(
            format!("{title} about {}: {n}", names.join(" or ")),
            format!("关于{}的{title}：{n} 项", names.join("或")),
        );
        (title, head)
    }

    /// "shown by" before the command that lists the disputes.
    pub(crate) fn shown_by(self) -> &'static str {
        self.pick(", shown by", "，见")
    }

    /// The closing pointer to `contested`: "Where the papers disagree about this: 3
    /// disputes (value, lists), shown by".
    pub(crate) fn disagree_pointer(self, n: usize, kinds: &[&str]) -> String {
        self.pick(
            format!(
                "Where the papers disagree about this: {} ({}), shown by",
                if n == 1 {
                    format!("{n} dispute")
                } else {
                    format!("{n} disputes")
                },
                kinds.join(", ")
            ),
            format!("各文献在此的分歧：{n} 项（{}），见", kinds.join("、")),
        )
    }

    /// A dispute's kind, as `contested` names it.
    pub(crate) fn dispute_kind(self, kind: Kind) -> &'static str {
        match kind {
            Kind::Value => self.pick("value", "数值"),
            Kind::Valence => self.pick("valence", "评价"),
            Kind::Classification => self.pick("classification", "归类"),
            Kind::Opposition => self.pick("opposition", "对立"),
            Kind::Direction => self.pick("direction", "方向"),
            Kind::Positions => self.pick("positions", "立场"),
            Kind::Lists => self.pick("lists", "列举"),
            Kind::RelatedDifferently => self.pick("related differently", "关联方式不同"),
        }
    }

    /// The rule between a summary and its details.
    pub(crate) fn in_detail(self) -> &'static str {
        self.pick("In detail", "详情")
    }

    /// "Path 2: A --> B" in `path --explain`.
    pub(crate) fn path_number(self, n: usize, route: &str) -> String {
        self.pick(format!("Path {n}: {route}"), format!("路径 {n}：{route}"))
    }

    /// A sentence of `path --explain` with its citations: "S (cites)." / "S（cites）。".
    pub(crate) fn cited_sentence(self, sentence: &str, cites: &str) -> String {
        self.pick(
            format!("{sentence} ({cites})."),
            format!("{sentence}（{cites}）。"),
        )
    }

    /// The line of `path --explain` that points from a compared step to `diff`.
    pub(crate) fn also_compared(
        self,
        papers: &str,
        common: &[&str],
        differ: &[&str],
        command: &str,
    ) -> String {
        let mut parts = Vec::new();
        if !common.is_empty() {
            parts.push(self.pick(
                format!("common ground in {}", common.join("; ")),
                format!("{}上的共同点", common.join("、")),
            ));
        }
        if !differ.is_empty() {
            parts.push(self.pick(
                format!("differences in {}", differ.join("; ")),
                format!("{}上的差异", differ.join("、")),
            ));
        }
        self.pick(
            format!(
                "The two are also compared ({papers}): {}. `{command}` sets this out.",
                parts.join("; ")
            ),
            format!(
                "二者也被作了比较（{papers}）：{}。详见 `{command}`。",
                parts.join("；")
            ),
        )
    }

    /// "2 shortest paths of 3 steps" / "at least 50 paths", from `count` (a number, or
    /// [`Messages::at_least`] one).
    pub(crate) fn paths_found(
        self,
        count: &str,
        total: u64,
        shortest_steps: Option<usize>,
    ) -> String {
        let noun = |n: u64, noun: Noun| match self.lang {
            Lang::En if n == 1 => noun.one,
            Lang::En => noun.many,
            Lang::Zh => noun.zh,
        };
        match shortest_steps {
            Some(steps) => self.pick(
                format!(
                    "{count} shortest {} of {steps} {}",
                    noun(total, PATHS),
                    noun(steps as u64, STEPS)
                ),
                format!("{count} 条最短路径（{steps} 步）"),
            ),
            None => self.pick(
                format!("{count} {}", noun(total, PATHS)),
                format!("{count} 条路径"),
            ),
        }
    }

    /// "at least 50".
    pub(crate) fn at_least(self, n: u64) -> String {
        self.pick(format!("at least {n}"), format!("至少 {n}"))
    }

    /// "… from A to B" after [`Messages::paths_found`].
    pub(crate) fn paths_between(self, what: &str, from: &str, to: &str) -> String {
        self.pick(
            format!("{what} from {from} to {to}"),
            format!("从{from}到{to}：{what}"),
        )
    }

    /// "no path from A to B".
    pub(crate) fn no_path(self, from: &str, to: &str) -> String {
        self.pick(
            format!("no path from {from} to {to}"),
            format!("从{from}到{to}没有路径"),
        )
    }

    /// What a path query asked for beyond its ends.
    pub(crate) fn through(self, name: &str) -> String {
        self.pick(format!("through {name}"), format!("经过{name}"))
    }

    /// "within 3 steps".
    pub(crate) fn within(self, steps: usize) -> String {
        self.pick(
            format!("within {}", self.count(steps, STEPS)),
            format!("不超过 {steps} 步"),
        )
    }

    /// "using only drives, serves".
    pub(crate) fn using_only(self, kinds: &[&str]) -> String {
        self.pick(
            format!("using only {}", kinds.join(", ")),
            format!("仅用{}", kinds.join("、")),
        )
    }

    /// "as asserted by A or B".
    pub(crate) fn asserted_by(self, papers: &[&str]) -> String {
        self.pick(
            format!("as asserted by {}", papers.join(" or ")),
            format!("据{}", papers.join("或")),
        )
    }

    /// "avoiding A, B".
    pub(crate) fn avoiding(self, names: &[String]) -> String {
        self.pick(
            format!("avoiding {}", names.join(", ")),
            format!("避开{}", names.join("、")),
        )
    }

    /// A path query walking relations both ways.
    pub(crate) fn ignoring_direction(self) -> &'static str {
        self.pick("ignoring direction", "不计方向")
    }

    /// The separator between the conditions of a path query.
    pub(crate) fn list_separator(self) -> &'static str {
        self.pick(", ", "，")
    }

    /// Why a search stopped: "after 100 units of work", "after 5 ms".
    pub(crate) fn stopped_after_work(self, units: u64) -> String {
        self.pick(
            format!("after {units} units of work"),
            format!("在 {units} 个工作单位后"),
        )
    }

    /// "after 5 ms".
    pub(crate) fn stopped_after_ms(self, ms: u128) -> String {
        self.pick(format!("after {ms} ms"), format!("在 {ms} 毫秒后"))
    }

    /// A path search that stopped with nothing found.
    pub(crate) fn longer_path_may_exist(self, stopped: &str) -> String {
        self.pick(
            format!("; the search stopped {stopped}, so a longer path may exist"),
            format!("；搜索{stopped}停止，可能存在更长的路径"),
        )
    }

    /// A list cut at `--limit`.
    pub(crate) fn showing_first_of(self, shown: u64, total: u64) -> String {
        self.pick(
            format!(
                "Showing the first {shown} of {total}; {} more not shown (raise --limit to see them).",
                total - shown
            ),
            format!(
                "显示前 {shown} 条，共 {total} 条；另有 {} 条未显示（提高 --limit 可查看）。",
                total - shown
            ),
        )
    }

    /// A search stopped before the limit.
    pub(crate) fn search_stopped(self, stopped: &str, shown: u64) -> String {
        self.pick(
            format!("The search stopped {stopped}: these are the first {shown} in order, and longer paths may exist."),
            format!("搜索{stopped}停止：以下为按顺序的前 {shown} 条，可能存在更长的路径。"),
        )
    }

    /// A count stopped after the limit.
    pub(crate) fn counting_stopped(self, stopped: &str, shown: u64, more: u64) -> String {
        self.pick(
            format!(
                "Showing the first {shown}; counting stopped {stopped} with at least {more} more."
            ),
            format!("显示前 {shown} 条；计数{stopped}停止，至少还有 {more} 条。"),
        )
    }

    /// The heading of `path --all`'s first screen, and what it counts.
    pub(crate) fn at_a_glance(self) -> &'static str {
        self.pick("At a glance", "概览")
    }

    /// "(of the 50 listed)".
    pub(crate) fn of_the_listed(self, listed: usize) -> String {
        self.pick(
            format!(" (of the {listed} listed)"),
            format!("（所列 {listed} 条中）"),
        )
    }

    /// "Chains by length: 2 steps 3, 3 steps 8".
    pub(crate) fn chains_by_length(self, lengths: &[(usize, usize)]) -> String {
        let items: Vec<String> = lengths
            .iter()
            .map(|&(steps, n)| format!("{} {n}", self.count(steps, STEPS)))
            .collect();
        self.pick(
            format!("Chains by length: {}", items.join(", ")),
            format!("按长度计的链条：{}", items.join("，")),
        )
    }

    /// "Most chains pass through (chains): A 3, B 2".
    pub(crate) fn most_chains_pass_through(self, items: &[String]) -> String {
        self.pick(
            format!("Most chains pass through (chains): {}", items.join(", ")),
            format!("多数链条经过（链条数）：{}", items.join("，")),
        )
    }

    /// The papers that assert a whole chain alone.
    pub(crate) fn whole_chains(self, items: &[String]) -> String {
        if items.is_empty() {
            return self
                .pick(
                    "No paper asserts every step of a chain alone",
                    "没有一篇文献独自提出某一链条的每一步",
                )
                .into();
        }
        self.pick(
            format!(
                "Chains one paper asserts every step of: {}",
                items.join(", ")
            ),
            format!("由一篇文献提出每一步的链条：{}", items.join("，")),
        )
    }

    // `show`, `compare` and `contested` in the terminal.

    /// "3 relations" / "3 项关系".
    pub(crate) fn relations_counted(self, n: usize) -> String {
        self.pick(
            format!("{n} {}", if n == 1 { "relation" } else { "relations" }),
            format!("{n} 项关系"),
        )
    }

    /// `show`'s title: "A (id, kind): 110 relations from 5 papers".
    pub(crate) fn relations_from(self, relations: usize, papers: usize) -> String {
        let relations = self.relations_counted(relations);
        let papers = self.count(papers, PAPERS);
        self.pick(
            format!("{relations} from {papers}"),
            format!("来自 {papers}的 {relations}"),
        )
    }

    /// The heading of the relations that compare other concepts along this one.
    pub(crate) fn compared_along_this(self) -> &'static str {
        self.pick("Compared along this", "以此为比较项")
    }

    /// The line counting relations by kind.
    pub(crate) fn relations_by_kind(self) -> &'static str {
        self.pick("Relations by kind", "按关系类型")
    }

    /// The line counting relations by paper.
    pub(crate) fn relations_by_paper(self) -> &'static str {
        self.pick("Relations by paper", "按文献")
    }

    /// The heading of facts.
    pub(crate) fn facts(self) -> &'static str {
        self.pick("Facts", "事实")
    }

    /// The heading of relations.
    pub(crate) fn relations(self) -> &'static str {
        self.pick("Relations", "关系")
    }

    /// The heading of the neighbours most papers relate a concept to.
    pub(crate) fn most_supported_neighbours(self) -> &'static str {
        self.pick("Most supported neighbours", "文献支持最多的相邻概念")
    }

    /// A neighbour's support: "5 papers, 39 relations".
    pub(crate) fn papers_and_relations(self, papers: usize, relations: usize) -> String {
        format!(
            "{}{}{}",
            self.count(papers, PAPERS),
            self.list_separator(),
            self.relations_counted(relations)
        )
    }

    /// Before a concept's other names: "also: ".
    pub(crate) fn also_called(self) -> &'static str {
        self.pick("also: ", "又称：")
    }

    /// Before a common-ground relation's aspect: "aspect: ".
    pub(crate) fn aspect(self) -> &'static str {
        self.pick("aspect: ", "方面：")
    }

    /// A concept's id and kind after its name: " (tpa, strategy)" / "（tpa，战略）".
    pub(crate) fn id_and_kind(self, id: &str, kind: &str) -> String {
        self.pick(format!(" ({id}, {kind})"), format!("（{id}，{kind}）"))
    }

    /// The column of a row's total.
    pub(crate) fn total(self) -> &'static str {
        self.pick("total", "合计")
    }

    /// The key to a comparison's framing mark.
    pub(crate) fn framing_mark_means(self) -> &'static str {
        self.pick(
            "other papers name the same aspect the other way (common ground against a \
             difference): a framing, both can hold; see `linkage contested`",
            "其他文献把同一方面列在另一侧（共同点对差异）：表述不同，二者可同时成立；见 \
             `linkage contested`",
        )
    }

    /// The key to a comparison's conflict mark.
    pub(crate) fn conflict_mark_means(self) -> &'static str {
        self.pick(
            "other papers name it the other way in the same stated scope: a \
             contradiction; see `linkage contested`",
            "其他文献在相同的限定范围内把它列在另一侧：矛盾；见 `linkage contested`",
        )
    }

    /// The key to the mark on a total that counts papers sharing text.
    pub(crate) fn shared_total_means(self, pairs: &str) -> String {
        self.pick(
            format!(
                "the total counts papers that share passages of text ({pairs}): their \
                 agreement may rest on one wording, not independent readings"
            ),
            format!("合计中包含有相同文字段落的文献（{pairs}）：其一致可能出自同一表述，而非各自独立的解读"),
        )
    }

    /// Before a difference's dimension: "dimension: ".
    pub(crate) fn dimension(self) -> &'static str {
        self.pick("dimension: ", "维度：")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_each_language() {
        let en = Messages::of(Lang::En);
        let zh = Messages::of(Lang::Zh);
        assert_eq!(en.count(1, PAPERS), "1 paper");
        assert_eq!(en.count(2, PAPERS), "2 papers");
        assert_eq!(zh.count(2, PAPERS), "2 篇文献");
        assert_eq!(zh.paths_found("1", 1, Some(1)), "1 条最短路径（1 步）");
        assert_eq!(en.paths_found("1", 1, Some(1)), "1 shortest path of 1 step");
    }
}
