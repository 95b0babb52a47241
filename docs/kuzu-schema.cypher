// The tables Kùzu needs before it reads linkage's Cypher script or CSV files
// (`linkage export --format cypher | csv`); Neo4j needs none. See docs/formats.md.
CREATE NODE TABLE Paper(id STRING, cite STRING, title STRING, authors STRING, year INT64, venue STRING, doi STRING, url STRING, file STRING, note STRING, PRIMARY KEY(id));
CREATE NODE TABLE Concept(id STRING, kind STRING, label STRING, label_zh STRING, aliases STRING, description STRING, PRIMARY KEY(id));
CREATE REL TABLE RELATION(FROM Concept TO Concept, number INT64, kind STRING, label STRING, role STRING, symmetric BOOLEAN, aspect STRING, dimension STRING, scope STRING, from_position STRING, to_position STRING, papers STRING, paper_count INT64, sources STRING, note STRING);
CREATE NODE TABLE Fact(id STRING, subject STRING, property STRING, label STRING, value STRING, value_type STRING, unit STRING, papers STRING, paper_count INT64, sources STRING, note STRING, PRIMARY KEY(id));
CREATE REL TABLE ABOUT(FROM Fact TO Concept);
