//! The notes a query prints beside its answer, in each language: a list cut at
//! `--limit`, and a name that matched no concept or paper, or several.

use super::Messages;

impl Messages {
    /// A list cut at `--limit`: "… and 33 more (raise --limit to see them)".
    #[cfg(feature = "cli")]
    pub(crate) fn and_more_not_shown(self, more: usize) -> String {
        self.pick(
            format!("… and {more} more (raise --limit to see them)"),
            format!("… 另有 {more} 项（提高 --limit 可查看）"),
        )
    }

    /// A name matching no concept, above its closest candidates (if any).
    pub(crate) fn no_node_matches(self, name: &str, closest: bool) -> String {
        if closest {
            self.pick(
                format!("no node matches \"{name}\"; the closest:"),
                format!("没有与“{name}”匹配的概念；最接近的："),
            )
        } else {
            self.pick(
                format!(
                    "no node matches \"{name}\"; try `linkage search {name}` or `linkage list`"
                ),
                format!("没有与“{name}”匹配的概念；可试 `linkage search {name}` 或 `linkage list`"),
            )
        }
    }

    /// A name matching several concepts, above the first of them.
    pub(crate) fn name_matches_nodes(self, name: &str, total: usize) -> String {
        self.pick(
            format!("\"{name}\" matches {total} nodes; use an id:"),
            format!("“{name}”与 {total} 个概念匹配；请用 id："),
        )
    }

    /// After the matches listed when there are more.
    pub(crate) fn more_matches(self, name: &str, more: usize) -> String {
        self.pick(
            format!("  … and {more} more; `linkage search {name}` lists them"),
            format!("  … 另有 {more} 个；`linkage search {name}` 可列出"),
        )
    }

    /// A name matching no paper: the closest ("id (cite)") if any, then every paper id.
    pub(crate) fn no_paper_matches(self, name: &str, closest: &[String], all: &[&str]) -> String {
        let sep = self.pick(", ", "、");
        let near = if closest.is_empty() {
            String::new()
        } else {
            self.pick(
                format!("; the closest: {}", closest.join(sep)),
                format!("；最接近的：{}", closest.join(sep)),
            )
        };
        self.pick(
            format!(
                "no paper matches \"{name}\"{near}; papers: {}",
                all.join(sep)
            ),
            format!("没有与“{name}”匹配的文献{near}；文献：{}", all.join(sep)),
        )
    }

    /// A name matching several papers.
    pub(crate) fn name_matches_papers(self, name: &str, matches: &[String]) -> String {
        self.pick(
            format!(
                "\"{name}\" matches several papers: {}; use an id",
                matches.join(", ")
            ),
            format!("“{name}”与多篇文献匹配：{}；请用 id", matches.join("、")),
        )
    }
}
