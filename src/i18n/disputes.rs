//! The words of `contested` in the terminal: its summary, its sections, each kind of
//! dispute's question and the fixed answers the query gives (an asset or a liability,
//! common ground or a difference, one-way or two-way). Names come in from the data.

use super::Messages;
use crate::query::contested::{ASSET, LIABILITY, LIABILITY_UNSTATED};

impl Messages {
    /// `contested`'s first line: how many disputes of each strength.
    pub(crate) fn where_they_disagree(
        self,
        contradictions: usize,
        tensions: usize,
        framings: usize,
        related_hidden: Option<usize>,
    ) -> String {
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        self.pick(
            format!(
                "Where the papers disagree: {}, {}, {}{}.",
                n(contradictions, "contradiction", "contradictions"),
                n(tensions, "tension", "tensions"),
                n(framings, "framing", "framings"),
                related_hidden.map_or(String::new(), |r| format!(
                    " ({} related in other ways: --all)",
                    n(r, "pair", "pairs")
                ))
            ),
            format!(
                "各文献的分歧：{contradictions} 项矛盾，{tensions} 项张力，{framings} 项表述不同{}。",
                related_hidden.map_or(String::new(), |r| format!(
                    "（另有 {r} 对以其他方式关联：--all）"
                ))
            ),
        )
    }

    /// The heading of contradictions.
    pub(crate) fn contradictions_section(self) -> &'static str {
        self.pick(
            "Contradictions: answers to one scoped question that cannot both hold as \
             the papers state them",
            "矛盾：对同一限定问题的回答，按各文献的表述不能同时成立",
        )
    }

    /// The heading of tensions.
    pub(crate) fn tensions_section(self) -> &'static str {
        self.pick(
            "Tensions: answers that pull apart; no paper says in which respect, so \
             both may hold",
            "张力：相互牵制的回答；没有文献说明是就哪一方面而言，因此二者可能同时成立",
        )
    }

    /// The heading of framings.
    pub(crate) fn framings_section(self) -> &'static str {
        self.pick(
            "Framings: the same thing seen differently; both can hold",
            "表述不同：从不同角度看同一事物；二者可同时成立",
        )
    }

    /// The heading of pairs merely related in different ways.
    pub(crate) fn related_section(self) -> &'static str {
        self.pick(
            "Related in different ways that neither agree nor conflict",
            "以不同方式关联，既非一致也非冲突",
        )
    }

    /// The last row of the index when more disputes follow than it shows.
    pub(crate) fn more_below(self, n: usize) -> String {
        self.pick(
            format!("… and {n} more below"),
            format!("… 以下另有 {n} 项"),
        )
    }

    /// "A and B: is “T” common ground or a difference (for “R”)?"
    pub(crate) fn common_ground_or_difference(
        self,
        a: &str,
        b: &str,
        topic: &str,
        respect: Option<&str>,
    ) -> String {
        self.pick(
            format!(
                "{a} and {b}: is “{topic}” common ground or a difference{}?",
                respect.map_or(String::new(), |r| format!(" for “{r}”"))
            ),
            format!(
                "{a}与{b}：{}“{topic}”是共同点还是差异？",
                respect.map_or(String::new(), |r| format!("就“{r}”而言，"))
            ),
        )
    }

    /// "A: an asset or a liability for “R”?" (or for what no paper says).
    pub(crate) fn asset_or_liability(self, a: &str, respect: Option<&str>) -> String {
        match respect {
            Some(r) => self.pick(
                format!("{a}: an asset or a liability for “{r}”?"),
                format!("{a}：对“{r}”而言是有利因素还是不利因素？"),
            ),
            None => self.pick(
                format!("{a}: an asset, or a liability for what no paper says?"),
                format!("{a}：是有利因素，还是对某种没有文献说明的事物不利？"),
            ),
        }
    }

    /// "A and B: which of two opposed relations holds?"
    pub(crate) fn which_opposed_holds(self, a: &str, b: &str) -> String {
        self.pick(
            format!("{a} and {b}: which of two opposed relations holds?"),
            format!("{a}与{b}：两种相互对立的关系中哪一种成立？"),
        )
    }

    /// "A and B: a two-way relation or a one-way one?"
    pub(crate) fn two_way_or_one_way(self, a: &str, b: &str) -> String {
        self.pick(
            format!("{a} and {b}: a two-way relation or a one-way one?"),
            format!("{a}与{b}：双向关系还是单向关系？"),
        )
    }

    /// "A and B differ in “T”: how?"
    pub(crate) fn differ_how(self, a: &str, b: &str, topic: &str) -> String {
        self.pick(
            format!("{a} and {b} differ in “{topic}”: how?"),
            format!("{a}与{b}在“{topic}”上存在差异：差在哪里？"),
        )
    }

    /// "What do A and B share?"
    pub(crate) fn what_they_share(self, a: &str, b: &str) -> String {
        self.pick(
            format!("What do {a} and {b} share?"),
            format!("{a}与{b}有哪些共同点？"),
        )
    }

    /// "Where do A and B differ?"
    pub(crate) fn where_they_differ(self, a: &str, b: &str) -> String {
        self.pick(
            format!("Where do {a} and {b} differ?"),
            format!("{a}与{b}在哪些方面存在差异？"),
        )
    }

    /// The question word standing for a relation's unknown end: at a sentence's start,
    /// and inside it.
    pub(crate) fn what(self, at_start: bool) -> &'static str {
        if at_start {
            self.pick("What", "什么")
        } else {
            self.pick("what", "什么")
        }
    }

    /// Between items of a list of names or positions: "; " or "；".
    pub(crate) fn item_separator(self) -> &'static str {
        self.pick("; ", "；")
    }

    /// A question's closing mark.
    pub(crate) fn question_mark(self) -> &'static str {
        self.pick("?", "？")
    }

    /// "How are A and B related?"
    pub(crate) fn how_related(self, a: &str, b: &str) -> String {
        self.pick(
            format!("How are {a} and {b} related?"),
            format!("{a}与{b}如何关联？"),
        )
    }

    /// One of the query's fixed answers in this language: an asset or a liability,
    /// common ground or a difference; `None` for any other answer (data, kept as given).
    pub(crate) fn fixed_answer(self, answer: &str) -> Option<&'static str> {
        Some(match answer {
            ASSET => self.pick(ASSET, "有利因素：基础、支撑、动力或典范"),
            LIABILITY => self.pick(LIABILITY, "不利因素：问题、障碍或短缺"),
            LIABILITY_UNSTATED => self.pick(
                LIABILITY_UNSTATED,
                "不利因素：问题、障碍或短缺（对何不利，未说明）",
            ),
            "common ground" => self.pick("common ground", "共同点"),
            "a difference" => self.pick("a difference", "差异"),
            _ => return None,
        })
    }

    /// A direction dispute's answer: "two-way (promotes each other)".
    pub(crate) fn way_answer(self, two_way: bool, kinds: &str) -> String {
        if two_way {
            self.pick(format!("two-way ({kinds})"), format!("双向（{kinds}）"))
        } else {
            self.pick(format!("one-way ({kinds})"), format!("单向（{kinds}）"))
        }
    }

    /// A list's side: "A; B (3 items; extends the list of C): X; Y".
    pub(crate) fn list_answer(
        self,
        whole: &str,
        items: usize,
        partly: &str,
        own: &[&str],
    ) -> String {
        let own = if own.is_empty() {
            self.pick(
                "only the shared items".to_string(),
                "仅有共同列出的项".to_string(),
            )
        } else {
            own.join(self.item_separator())
        };
        let extends = |en: bool| match (partly.is_empty(), en) {
            (true, _) => String::new(),
            (false, true) => format!("; extends the list of {partly}"),
            (false, false) => format!("；扩展了{partly}的列举"),
        };
        self.pick(
            format!(
                "{whole} ({} {}{}): {own}",
                items,
                if items == 1 { "item" } else { "items" },
                extends(true)
            ),
            format!("{whole}（{items} 项{}）：{own}", extends(false)),
        )
    }

    /// "also an asset, but only in a respect it states (another question): A; B".
    pub(crate) fn also_in_a_respect(self, answer: &str, papers: &str) -> String {
        self.pick(
            format!("also {answer}, but only in a respect it states (another question): {papers}"),
            format!("亦为{answer}，但仅就其说明的某一方面而言（另一个问题）：{papers}"),
        )
    }

    /// The papers standing on more than one side of a dispute.
    pub(crate) fn on_several_sides(self, papers: &str) -> String {
        self.pick(
            format!(
                "on more than one side: {papers} (states both; the data may lack the respect that tells them apart)"
            ),
            format!("站在不止一方：{papers}（两种说法都有；数据可能缺少区分二者的方面）"),
        )
    }

    /// The items every side of a list dispute names.
    pub(crate) fn named_by_every_side(self, items: &str) -> String {
        self.pick(
            format!("named by every side: {items}"),
            format!("各方都列出的项：{items}"),
        )
    }
}
