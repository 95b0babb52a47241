//! Arbitrary bytes as the payload of a cache file, sealed with a valid checksum (as one
//! changed by hand and its checksum recomputed would be), and as a whole file: decoding
//! must end in a dataset or in a miss, never in a panic or an allocation out of
//! proportion to the input. A dataset decoded must
//! be one the queries can answer on without panicking: some nodes are shown (human in
//! each language, and JSON), the disputes are found, some papers are outlined.

use linkage::{
    cache::{decode_file, seal},
    dot::Lang,
    output, query,
};

/// The check: panics (a finding) when the input breaks a promise.
pub(crate) fn check(data: &[u8]) {
    let _ = decode_file(data);
    let Some(loaded) = decode_file(&seal(data)) else {
        return;
    };
    let graph = &loaded.graph;
    let keep = |_: &str| true;
    for ix in graph.node_indices().take(8) {
        let disputes = query::contested::contested_about(graph, &[ix]);
        for lang in [Lang::En, Lang::Zh] {
            let every = linkage::PaperFilter::every();
            let _ = output::summary::show(graph, ix, &every, &disputes, lang);
            let _ = output::show::human(graph, ix, true, &keep, lang);
        }
        let _ = output::json(&output::show::json(graph, ix, &keep));
    }
    let disputes = query::contested::contested(graph);
    for paper in graph.papers().take(4) {
        let outline = query::outline::outline(graph, &paper.id, None, query::Budget::default());
        let _ = output::summary::paper(graph, &outline, &disputes);
        let _ = output::outline::human(graph, &outline, true);
    }
}
