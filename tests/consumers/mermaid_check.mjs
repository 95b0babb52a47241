// Parses linkage's Mermaid flowchart with mermaid's own parser (under jsdom) and
// compares every node and edge label, decoded as mermaid decodes them for drawing,
// with what linkage wrote.
//
// usage: node mermaid_check.mjs EXPORT.mmd REFERENCE.json KINDS.json
import fs from "fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");

const [mmdPath, referencePath, kindsPath] = process.argv.slice(2);
const text = fs.readFileSync(mmdPath, "utf8");
const reference = JSON.parse(fs.readFileSync(referencePath, "utf8"));
const kinds = JSON.parse(fs.readFileSync(kindsPath, "utf8"));

// Mermaid keeps entity codes as placeholders while parsing and turns them back into
// HTML entities when it draws (decodeEntities in mermaidAPI); the browser decodes those.
function drawn(label) {
  const html = label.replace(/ﬂ°°/g, "&#").replace(/ﬂ°/g, "&").replace(/¶ß/g, ";");
  const element = dom.window.document.createElement("textarea");
  element.innerHTML = html.replace(/<br>/g, "\n");
  return element.value;
}
// What a Mermaid label can hold: line breaks as <br> (one for \r\n), tabs as spaces.
function writable(label) {
  return label.replace(/\r\n/g, "\n").replace(/\r/g, "\n").replace(/\t/g, " ");
}
function fail(message) {
  console.error(`mismatch: ${message}`);
  process.exit(1);
}
const nodeId = (id) => "n_" + id.replace(/[^A-Za-z0-9]/g, "_");

await mermaid.parse(text);
const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
const vertices = diagram.db.getVertices();
const labels = Object.fromEntries(reference.nodes.map((n) => [n.id, n.label]));
for (const node of reference.nodes) {
  const vertex = vertices.get(nodeId(node.id));
  if (!vertex) fail(`node ${node.id} missing`);
  if (drawn(vertex.text) !== writable(node.label))
    fail(`node ${node.id}: read ${JSON.stringify(drawn(vertex.text))}, wrote ${JSON.stringify(node.label)}`);
  if (!vertex.classes.includes("kind_" + node.kind.replace(/[^A-Za-z0-9]/g, "_")))
    fail(`node ${node.id} lost its kind: ${vertex.classes}`);
}
if (vertices.size !== reference.nodes.length) fail(`${vertices.size} nodes, wrote ${reference.nodes.length}`);
const edges = diagram.db.getEdges();
if (edges.length !== reference.relations.length) fail(`${edges.length} edges, wrote ${reference.relations.length}`);
reference.relations.forEach((relation, i) => {
  const edge = edges[i];
  let label = kinds.relation_kinds[relation.kind].label;
  const topic = relation.aspect ?? relation.dimension;
  if (topic) label += ": " + labels[topic];
  if (edge.start !== nodeId(relation.from) || edge.end !== nodeId(relation.to))
    fail(`edge ${i} joins ${edge.start} and ${edge.end}`);
  if (drawn(edge.text) !== writable(label))
    fail(`edge ${i}: read ${JSON.stringify(drawn(edge.text))}, wrote ${JSON.stringify(label)}`);
});
console.log(JSON.stringify({ nodes: vertices.size, edges: edges.length }));
