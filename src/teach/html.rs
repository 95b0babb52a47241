//! `linkage html`: the explorer as one self-contained HTML file. The page's script and
//! stylesheet (hand-written, in `assets/`) and the graph's data are inlined; a Content
//! Security Policy of `default-src 'none'` forbids the page any request at all.

use serde_json::Value;

use crate::{
    dot::Lang,
    error::Error,
    graph::ConceptGraph,
    teach::{
        data::{page_data, script_json},
        layout::{layout, opening_pair},
    },
};

const SCRIPT: &str = include_str!("assets/explorer.js");
const STYLE: &str = include_str!("assets/explorer.css");
const BODY: &str = include_str!("assets/explorer.html");

/// The policy in the page's `<meta>`: nothing may be fetched, only inline script and
/// style run, images only from `data:`.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/// The explorer page for `graph`, opening with the paper filter `paper` (a paper id),
/// in `lang` (its `中文` button switches the language in the page).
///
/// # Errors
/// [`Error::External`] when Graphviz is missing or fails.
pub fn explorer(graph: &ConceptGraph, paper: Option<&str>, lang: Lang) -> Result<String, Error> {
    let layout = layout(graph)?;
    let mut data = page_data(graph, &layout);
    data["initialPaper"] = paper.map_or(Value::Null, |p| Value::String(p.to_string()));
    // The pair the page opens on compared, the one the layout turned upright.
    data["opening"] = opening_pair(graph).map_or(Value::Null, |(a, b)| {
        Value::from(vec![a.index(), b.index()])
    });
    let code = lang_code(lang);
    data["lang"] = Value::String(code.into());
    Ok(page(&script_json(&data), code))
}

/// The page's `lang` attribute and the script's name for `lang`.
fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

fn page(data: &str, lang: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>linkage explorer</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{BODY}\
<script type=\"application/json\" id=\"graph-data\">{data}</script>\n\
<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    )
}
