//! The words of `position` in the terminal: its title, the sentences of its summary,
//! the verdicts on other papers' claims and its notices. Names, claims (as the schema's
//! sentences) and citations come in from the caller.

use super::{Messages, Noun, PAPERS};
use crate::logic::Verdict;

/// Claims of one paper.
pub(crate) const CLAIMS: Noun = Noun {
    one: "claim",
    many: "claims",
    zh: "项主张",
};

/// Questions the papers frame differently.
const QUESTIONS: Noun = Noun {
    one: "question",
    many: "questions",
    zh: "个问题",
};

impl Messages {
    /// Names joined as a sentence lists them: "A, B and C"; "A、B和C".
    pub(crate) fn and_list(self, names: &[&str]) -> String {
        match names {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => self.pick(
                format!("{} and {last}", rest.join(", ")),
                format!("{}和{last}", rest.join("、")),
            ),
        }
    }

    /// A sentence of the summary followed by the numbers of its claims: "S. [1–3]"; in
    /// Chinese before the full stop, "S[1–3]。".
    pub(crate) fn with_claims(self, sentence: &str, numbers: &str) -> String {
        match self.lang {
            crate::dot::Lang::En => format!("{sentence} [{numbers}]"),
            crate::dot::Lang::Zh => match sentence.strip_suffix('。') {
                Some(open) => format!("{open}[{numbers}]。"),
                None => format!("{sentence}[{numbers}]"),
            },
        }
    }

    /// A question or claim quoted inside a sentence: “Q”; in Chinese its own quotation
    /// marks become the inner ones, ‘’.
    pub(crate) fn quoted(self, text: &str) -> String {
        self.pick(
            format!("“{text}”"),
            format!("“{}”", text.replace('“', "‘").replace('”', "’")),
        )
    }

    /// A paper with how often it is counted: "Hao (2021) (25)".
    pub(crate) fn tally(self, cite: &str, n: usize) -> String {
        self.pick(format!("{cite} ({n})"), format!("{cite}（{n}）"))
    }

    /// The separator of numbers and ranges in a list of claim numbers.
    pub(crate) fn number_separator(self) -> &'static str {
        self.pick(", ", "、")
    }

    /// The title: "Where Hao (2021) stands: 140 claims, compared with the other 4 papers".
    pub(crate) fn where_stands(self, cite: &str, claims: usize, others: usize) -> String {
        let (claims, others) = (self.count(claims, CLAIMS), self.count(others, PAPERS));
        self.pick(
            format!("Where {cite} stands: {claims}, compared with the other {others}"),
            format!("{cite}的立场：{claims}，与其他 {others}比较"),
        )
    }

    /// The summary when no other paper makes any of the paper's claims.
    pub(crate) fn no_other_makes_any(self, claims: usize, cite: &str) -> String {
        let claims = self.count(claims, CLAIMS);
        self.pick(
            format!(
                "No other paper makes any of the {claims} of {cite}, or a claim implying or \
                 implied by one."
            ),
            format!("{cite}的 {claims}中，没有一项为其他文献所提出，也没有文献提出蕴含它或为它所蕴含的主张。"),
        )
    }

    /// "Of the 140 claims of Hao (2021), 31 are made by other papers too ...: most
    /// often by {tallied}."
    pub(crate) fn made_by_others_too(
        self,
        claims: usize,
        cite: &str,
        agreed: usize,
        tallied: &str,
    ) -> String {
        let counted = self.count(claims, CLAIMS);
        self.pick(
            format!(
                "Of the {counted} of {cite}, {} made by other papers too, or by a claim \
                 implying or implied by it: most often by {tallied}.",
                if agreed == 1 {
                    "1 is".to_string()
                } else {
                    format!("{agreed} are")
                }
            ),
            format!(
                "{cite}的 {counted}中，有 {agreed} 项其他文献也提出过（或提出了蕴含它、为它所蕴含的主张），最常见于{tallied}。"
            ),
        )
    }

    /// The warning that agreement with a paper sharing passages may be one wording.
    pub(crate) fn shares_passages_with(self, other: &str, cite: &str) -> String {
        self.pick(
            format!(
                "{other} shares passages with {cite}, so their agreement may rest on the \
                 same words rather than two readings."
            ),
            format!("{other}与{cite}有相同的文字段落，因此二者的一致可能出自同一表述，而非两种独立的解读。"),
        )
    }

    /// One part of "It agrees ...": "with A and B that {claim}".
    pub(crate) fn agrees_with_that(self, papers: &str, claim: &str) -> String {
        self.pick(
            format!("with {papers} that {claim}"),
            format!("与{papers}一致认为{claim}"),
        )
    }

    /// "It agrees {part}, and {part}."
    pub(crate) fn it_agrees(self, parts: &[String]) -> String {
        self.pick(
            format!("It agrees {}.", parts.join(", and ")),
            format!("它{}。", parts.join("；")),
        )
    }

    /// A paper's answers to a dispute: "“A”", or "both “A” and “B”".
    pub(crate) fn answering(self, answers: &[String]) -> String {
        let quoted: Vec<String> = answers.iter().map(|a| self.quoted(a)).collect();
        let listed = self.and_list(&quoted.iter().map(String::as_str).collect::<Vec<_>>());
        match answers.len() {
            1 => self.pick(format!("answering {listed}"), format!("回答为{listed}")),
            _ => self.pick(
                format!("answering both {listed}"),
                format!("回答兼有{listed}"),
            ),
        }
    }

    /// "It contradicts A on “Q”, answering “X” (dispute 2)." (`contradiction`), or "It
    /// stands in tension with ..." otherwise.
    pub(crate) fn disputes_with(
        self,
        contradiction: bool,
        others: &str,
        question: &str,
        answering: &str,
        dispute: usize,
    ) -> String {
        let question = match self.lang {
            crate::dot::Lang::En => question.to_string(),
            crate::dot::Lang::Zh => question.replace('“', "‘").replace('”', "’"),
        };
        match (contradiction, self.lang) {
            (true, crate::dot::Lang::En) => {
                format!("It contradicts {others} on “{question}”, {answering} (dispute {dispute}).")
            }
            (false, crate::dot::Lang::En) => format!(
                "It stands in tension with {others} on “{question}”, {answering} (dispute \
                 {dispute})."
            ),
            (true, crate::dot::Lang::Zh) => {
                format!("它在“{question}”上与{others}相矛盾，{answering}（争议 {dispute}）。")
            }
            (false, crate::dot::Lang::Zh) => {
                format!("它在“{question}”上与{others}存在张力，{answering}（争议 {dispute}）。")
            }
        }
    }

    /// "It frames 22 questions differently from other papers, among them “Q” and “R”
    /// (disputes 9–15)."
    pub(crate) fn frames_differently(self, n: usize, examples: &str, disputes: &str) -> String {
        let questions = self.count(n, QUESTIONS);
        self.pick(
            format!(
                "It frames {questions} differently from other papers, among them {examples} \
                 (disputes {disputes})."
            ),
            format!(
                "它对 {questions}的表述与其他文献不同，其中包括{examples}（争议 {disputes}）。"
            ),
        )
    }

    /// "14 of its claims relate concepts that other papers relate only in other ways,
    /// most often {tallied}."
    pub(crate) fn related_otherwise(self, n: usize, tallied: &str) -> String {
        self.pick(
            format!(
                "{} concepts that other papers relate only in other ways, most often {tallied}.",
                if n == 1 {
                    "1 of its claims relates".to_string()
                } else {
                    format!("{n} of its claims relate")
                }
            ),
            format!("它有 {n} 项主张所关联的概念，其他文献只以别的方式关联，最常见于{tallied}。"),
        )
    }

    /// One of the claims no other paper touches, as an example: "that {claim}".
    pub(crate) fn example_claim(self, claim: &str) -> String {
        self.pick(format!("that {claim}"), self.quoted(claim))
    }

    /// The summary when no other paper touches any of the paper's claims.
    pub(crate) fn none_touched(self, claims: usize, cite: &str, examples: &str) -> String {
        let claims = self.count(claims, CLAIMS);
        self.pick(
            format!("No other paper touches any of the {claims} of {cite}, among them {examples}."),
            format!("{cite}的 {claims}都不为其他文献所涉及，其中包括{examples}。"),
        )
    }

    /// "61 of its claims no other paper touches, among them {examples}."
    pub(crate) fn some_untouched(self, n: usize, examples: &str) -> String {
        self.pick(
            format!("{n} of its claims no other paper touches, among them {examples}."),
            format!("它有 {n} 项主张不为其他文献所涉及，其中包括{examples}。"),
        )
    }

    /// The line under the summary saying in which order the claims come.
    pub(crate) fn claims_in_order(self, text_order: bool) -> &'static str {
        if text_order {
            self.pick(
                "Claims in the order of the paper's text; dispute numbers as `linkage \
                 contested` lists them.",
                "各项主张按论文正文的顺序排列；争议编号与 `linkage contested` 所列一致。",
            )
        } else {
            self.pick(
                "Claims in the order they are encoded (the paper's text was not at hand); \
                 dispute numbers as `linkage contested` lists them.",
                "各项主张按编码顺序排列（手头没有论文正文）；争议编号与 `linkage contested` \
                 所列一致。",
            )
        }
    }

    /// Under a claim no other paper touches.
    pub(crate) fn untouched(self) -> &'static str {
        self.pick("no other paper touches it", "其他文献均未涉及")
    }

    /// After a paper sharing passages with the one placed.
    pub(crate) fn shares_passages_with_this(self) -> &'static str {
        self.pick(" (shares passages with this paper)", "（与本文有相同段落）")
    }

    /// After the same difference worded otherwise.
    pub(crate) fn in_other_words(self) -> &'static str {
        self.pick(" (in other words)", "（措辞不同）")
    }

    /// After the same relation read from its other end.
    pub(crate) fn read_from_the_other_end(self) -> &'static str {
        self.pick(" (read from the other end)", "（从另一端表述）")
    }

    /// The verdict on another paper's claim, as the detail lines name it.
    pub(crate) fn verdict(self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Same => self.pick("the same", "相同"),
            Verdict::ImpliedBy => self.pick("says more, implying it", "说得更多，蕴含此主张"),
            Verdict::Implies => self.pick("says less, implied by it", "说得更少，为此主张所蕴含"),
            Verdict::Conflict => self.pick("contradicts it", "与之矛盾"),
            Verdict::Tension => self.pick("in tension with it", "与之存在张力"),
            Verdict::Framing => self.pick("relates them otherwise", "以其他方式关联二者"),
            Verdict::Unrelated => self.pick("unrelated", "无关"),
        }
    }

    /// After the claims shown of a paper: " and 2 more".
    pub(crate) fn and_more(self, more: usize) -> String {
        self.pick(format!(" and {more} more"), format!("，另有 {more} 项"))
    }

    /// "dispute 3 (framing): Q".
    pub(crate) fn dispute_numbered(self, n: usize, strength: &str, question: &str) -> String {
        self.pick(
            format!("dispute {n} ({strength}): {question}"),
            format!("争议 {n}（{strength}）：{question}"),
        )
    }

    /// What a budget cut short stopped after: its units of work.
    pub(crate) fn position_work(self, units: u64) -> String {
        self.pick(
            format!(
                "{units} units of work (one a relation looked at, a quote placed in the \
                 text or a claim compared)"
            ),
            format!(
                "{units} 个工作单位（查看一项关系、在正文中定位一条引文或比较一项主张，各算一个）"
            ),
        )
    }

    /// The same after a time.
    pub(crate) fn position_time(self, ms: u128) -> String {
        self.pick(format!("{ms} ms"), format!("{ms} 毫秒"))
    }

    /// The notice of a position a budget cut short.
    pub(crate) fn position_stopped(
        self,
        after: &str,
        claims: usize,
        looked_at: usize,
        relations: usize,
    ) -> String {
        self.pick(
            format!(
                "The position stopped after {after}: it holds the first {claims} of the \
                 paper's claims (in its order) among the first {looked_at} of the {relations} \
                 relations (in data order), and the summary counts those."
            ),
            format!(
                "立场分析在 {after}后停止：只含本文的前 {claims} 项主张（按其顺序），取自 \
                 {relations} 项关系中的前 {looked_at} 项（按数据顺序），摘要只计这些。"
            ),
        )
    }

    /// The notice of disputes worked out for the first concepts only.
    pub(crate) fn disputes_for_first(
        self,
        concepts: usize,
        of: usize,
        units: u64,
        most: u64,
    ) -> String {
        self.pick(
            format!(
                "Disputes were worked out for the first {concepts} of the {of} concepts (in \
                 data order) only: the work stopped after {units} units (one a claim \
                 gathered) of the {most} one query may do. Name concepts to ask about \
                 others: linkage contested NAME."
            ),
            format!(
                "争议只对 {of} 个概念中的前 {concepts} 个（按数据顺序）作了分析：工作在 \
                 {units} 个单位（每收集一项主张算一个）后停止，单次查询至多 {most} 个单位。\
                 要问其他概念，请指明概念：linkage contested 名称。"
            ),
        )
    }

    /// The notice of disputes about named concepts that need more work than allowed.
    pub(crate) fn disputes_too_costly(self, names: &str, units: u64, most: u64) -> String {
        self.pick(
            format!(
                "The disputes about {names} need {units} units of work (one a claim \
                 gathered), more than the {most} one query may do: none were worked out. \
                 Name fewer concepts, or ones with fewer claims."
            ),
            format!(
                "关于{names}的争议需要 {units} 个工作单位（每收集一项主张算一个），超过单次\
                 查询至多 {most} 个单位：一项也未分析。请指明更少的概念，或主张更少的概念。"
            ),
        )
    }
}
