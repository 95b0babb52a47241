//! The words of `handout` and `quiz` (the quiz's Moodle and GIFT exports too): their
//! headings, the comparison table's key, the questions for discussion, the quiz's
//! prompts, instructions and key, and the disputes model's fixed answers in words.

use super::Messages;
use crate::query::contested::Strength;

impl Messages {
    /// The handout's key under its comparison table.
    pub(crate) fn handout_table_key(self) -> &'static str {
        self.pick(
            "Papers: how many of the papers name the row. Disputed: how the papers disagree \
             about it (`linkage contested`): a contradiction cannot both hold, a tension pulls \
             against, a framing sees the same thing another way.",
            "文献：提出该项的文献数。争议：各文献对此的分歧方式（`linkage contested`）：\
             矛盾：不能同时成立；张力：相互牵制；表述不同：从另一角度看同一事物。",
        )
    }

    /// The heading of the handout's questions.
    pub(crate) fn questions_for_discussion(self) -> &'static str {
        self.pick("Questions for discussion", "讨论题")
    }

    /// Under a comparison's heading, for a pair the papers relate but do not compare.
    pub(crate) fn not_compared(self, a: &str, b: &str) -> String {
        self.pick(
            format!(
                "The papers relate {a} and {b} but name no common ground or difference \
                 between them: the figure shows how they relate."
            ),
            format!("各文献论及{a}与{b}的关系，但未指出二者的共同点或差异：其关系见下图。"),
        )
    }

    /// Before a comparison's questions when the papers dispute nothing about the two
    /// together.
    pub(crate) fn questions_about_either(self, a: &str, b: &str) -> String {
        self.pick(
            format!(
                "The papers do not dispute how {a} and {b} compare; these questions are \
                 about disputes that involve one of them."
            ),
            format!("各文献对{a}与{b}的比较并无争议；以下问题涉及与其中一方有关的争议。"),
        )
    }

    /// The heading of the handout's evidence.
    pub(crate) fn step_by_step(self) -> &'static str {
        self.pick("The argument, step by step", "论证，逐步展开")
    }

    /// The heading of the full citations.
    pub(crate) fn sources_heading(self) -> &'static str {
        self.pick("Sources", "文献来源")
    }

    /// "The papers answer “A” (Hao (2021)) against “B” (Wu (2020)). Ask".
    pub(crate) fn papers_answer(self, sides: &[String], ask: Strength) -> String {
        let ask_en = match ask {
            Strength::Contradiction => "Both cannot hold as stated: which do the quotes support?",
            Strength::Tension => "Do the papers answer the same question?",
            _ => "Can both be right? What does each reading bring out?",
        };
        let ask_zh = match ask {
            Strength::Contradiction => "按原文所述二者不能同时成立：引文支持哪一方？",
            Strength::Tension => "各文献回答的是同一个问题吗？",
            _ => "二者能否都对？每种解读各揭示了什么？",
        };
        self.pick(
            format!("The papers answer {}. {ask_en}", sides.join(" against ")),
            format!("各文献的回答：{}。{ask_zh}", sides.join("，对")),
        )
    }

    /// One side of a dispute and who takes it: "“A” (Hao (2021))".
    pub(crate) fn answer_by(self, answer: &str, cites: &str) -> String {
        self.pick(
            format!("“{answer}” ({cites})"),
            format!("“{answer}”（{cites}）"),
        )
    }

    /// A short handout's caption: which rows the figure draws, and how.
    pub(crate) fn compact_caption(self, min_papers: usize, rows: usize, positions: bool) -> String {
        let drawn = match min_papers {
            1 => self.pick("Every row".to_string(), "每一项".to_string()),
            n => self.pick(
                format!("The rows {n} or more papers assert (of the {rows} above)"),
                format!("{n} 篇及以上文献提出的项（上表共 {rows} 项）"),
            ),
        };
        let how = if positions {
            self.pick(
                ", each difference with both sides' positions in the papers' words",
                "，每项差异附双方立场（文献原话）",
            )
        } else {
            ""
        };
        self.pick(
            format!("{drawn}{how}; a dot for each paper behind a row."),
            format!("{drawn}{how}；每个圆点代表一篇提出该项的文献。"),
        )
    }

    /// Where a short handout's reader finds every row's quotes.
    pub(crate) fn every_rows_quotes(self, command: &str) -> String {
        self.pick(
            format!("Every row's quotes: the full handout (`{command}`)."),
            format!("每一项的引文：见完整讲义（`{command}`）。"),
        )
    }

    /// A quiz's title.
    pub(crate) fn quiz_title(self) -> &'static str {
        self.pick("Quiz", "测验")
    }

    /// The heading of a quiz's questions.
    pub(crate) fn questions_heading(self) -> &'static str {
        self.pick("Questions", "题目")
    }

    /// The heading of a quiz's key.
    pub(crate) fn key_heading(self) -> &'static str {
        self.pick("Key", "答案")
    }

    /// What students are told above a quiz.
    pub(crate) fn quiz_for_students(self) -> &'static str {
        self.pick(
            "Answer from the papers' own words. Some questions have more than one right \
             answer: they say so.",
            "请依据文献原话作答。部分题目有不止一个正确答案，题目中会注明。",
        )
    }

    /// What the lecturer is told above a quiz: the command, and the student's.
    pub(crate) fn quiz_made_by(self, command: &str, student: &str) -> String {
        self.pick(
            format!(
                "Made from the graph by `{command}`; the same command gives the same quiz, and \
                 `{student}` prints it without the key, for students."
            ),
            format!(
                "由 `{command}` 从概念图生成；同一命令给出同一份测验，\
                 `{student}` 打印不含答案的学生版。"
            ),
        )
    }

    /// How a student answers: several right, a paper, or one answer.
    pub(crate) fn mark(self, several: bool, paper: bool) -> &'static str {
        match (several, paper) {
            (true, _) => self.pick("Mark every right answer.", "选出所有正确答案。"),
            (false, true) => self.pick("Mark the paper.", "选出该文献。"),
            (false, false) => self.pick("Mark one answer.", "选出一个答案。"),
        }
    }

    /// The name of a kind of quiz question, as a question bank lists it, by its index
    /// in `QuestionKind` order.
    pub(crate) fn question_kind(self, index: usize) -> &'static str {
        const EN: [&str; 6] = [
            "What they share",
            "Where they differ",
            "How they differ",
            "Who disagrees",
            "Who says it",
            "The missing link",
        ];
        const ZH: [&str; 6] = [
            "共同点",
            "差异所在",
            "如何不同",
            "谁有分歧",
            "谁这样说",
            "缺失的一环",
        ];
        self.pick(EN, ZH)[index.min(5)]
    }

    /// "Which of these do the papers name as common ground between A and B?"
    pub(crate) fn ask_shared(self, a: &str, b: &str) -> String {
        self.pick(
            format!("Which of these do the papers name as common ground between {a} and {b}?"),
            format!("以下哪一项被文献列为{a}与{b}的共同点？"),
        )
    }

    /// "In which of these respects do the papers say A and B differ?"
    pub(crate) fn ask_differs(self, a: &str, b: &str) -> String {
        self.pick(
            format!("In which of these respects do the papers say {a} and {b} differ?"),
            format!("文献认为{a}与{b}在以下哪一方面存在差异？"),
        )
    }

    /// "How do A and B differ in “D”, according to the papers?"
    pub(crate) fn ask_positions(self, a: &str, b: &str, dimension: &str) -> String {
        self.pick(
            format!("How do {a} and {b} differ in “{dimension}”, according to the papers?"),
            format!("据文献，{a}与{b}在“{dimension}”上有何不同？"),
        )
    }

    /// "The papers disagree on this question: “Q” Which paper answers “X”?"
    pub(crate) fn ask_dispute(self, question: &str, answer: &str) -> String {
        self.pick(
            format!("The papers disagree on this question: “{question}” Which paper answers “{answer}”?"),
            format!("各文献在这一问题上有分歧：“{question}”哪篇文献的回答是“{answer}”？"),
        )
    }

    /// "Which paper says: “S”?"
    pub(crate) fn ask_which_paper(self, sentence: &str) -> String {
        self.pick(
            format!("Which paper says: “{sentence}”?"),
            format!("哪篇文献说：“{sentence}”？"),
        )
    }

    /// "Fill the gap in the chain: A --> ___ --> C"
    pub(crate) fn ask_gap(self, a: &str, step: &str, c: &str) -> String {
        self.pick(
            format!("Fill the gap in the chain: {a} {step} ___ {step} {c}"),
            format!("填补链条中的空缺：{a} {step} ___ {step} {c}"),
        )
    }

    /// A key's answer: "“T” is common ground".
    pub(crate) fn is_common_ground(self, topic: &str) -> String {
        self.pick(
            format!("“{topic}” is common ground"),
            format!("“{topic}”是共同点"),
        )
    }

    /// A key's answer: "they differ in “T”", with the positions when given.
    pub(crate) fn they_differ_in(self, topic: &str, positions: Option<&str>) -> String {
        match positions {
            None => self.pick(
                format!("they differ in “{topic}”"),
                format!("二者在“{topic}”上存在差异"),
            ),
            Some(p) => self.pick(
                format!("they differ in “{topic}”: {p}"),
                format!("二者在“{topic}”上存在差异：{p}"),
            ),
        }
    }

    /// Two sides' positions: "A: x; B: y".
    pub(crate) fn positions_of(self, a: &str, x: &str, b: &str, y: &str) -> String {
        self.pick(format!("{a}: {x}; {b}: {y}"), format!("{a}：{x}；{b}：{y}"))
    }

    /// A key's answer where a paper says two concepts differ but not how.
    pub(crate) fn differ_without_how(self) -> &'static str {
        self.pick(
            "they differ, without saying how",
            "二者存在差异，但未说明如何不同",
        )
    }

    /// A key's note: the other topics the papers name for the pair.
    pub(crate) fn also_named(self, common_ground: bool, items: &[String]) -> String {
        let what = if common_ground {
            self.pick("common ground", "共同点")
        } else {
            self.pick("differences", "差异")
        };
        self.pick(
            format!(
                "The papers also name these {what} (papers naming each): {}.",
                items.join(", ")
            ),
            format!(
                "文献还提出了以下{what}（括号内为提出的文献数）：{}。",
                items.join("，")
            ),
        )
    }

    /// A topic and how many papers name it: "goals (3)".
    pub(crate) fn counted(self, name: &str, n: usize) -> String {
        self.pick(format!("{name} ({n})"), format!("{name}（{n}）"))
    }

    /// A key's note when the papers word a difference differently.
    pub(crate) fn every_wording_right(self) -> &'static str {
        self.pick(
            "The papers word it differently; every paper's wording is right.",
            "各文献表述不同；每篇文献的表述都正确。",
        )
    }

    /// A key's note on a dispute: a contradiction, or a tension.
    pub(crate) fn why_disputed(self, contradiction: bool) -> &'static str {
        if contradiction {
            self.pick(
                "A contradiction: the answers cannot both hold as the papers state them.",
                "矛盾：按文献所述，这些回答不能同时成立。",
            )
        } else {
            self.pick(
                "A tension: the answers pull against each other, and the papers do not say \
                 whether they answer the same question.",
                "张力：这些回答相互牵制，而文献没有说明它们回答的是否为同一个问题。",
            )
        }
    }

    /// A key's note when several concepts fill a chain's gap.
    pub(crate) fn several_fill_the_gap(self) -> &'static str {
        self.pick(
            "Several concepts fill the gap; the key shows the first chain.",
            "有多个概念可填补空缺；答案给出第一条链条。",
        )
    }
}
