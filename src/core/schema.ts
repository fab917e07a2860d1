// The bundled database's layout. Bump SCHEMA_VERSION when tables change and INGEST_VERSION when
// parsing or extraction changes what is stored: either makes an existing database stale.
export const SCHEMA_VERSION = 12; // 4: folded passage texts and posting chunks in their own columns and table; 5: events as columns in chronological order, the timeline table; 6: passage texts stored as the timeline's are (textBuffer.ts); 7: each section's blocks in its sections row, so a long document is read a part at a time; 8: events.date_note (why a year was inferred); 9: section_partners (sections headed by a partner), so a comparison reads only the documents that concern its partners; 10: candidates (each partner's sentences filed by facet and scored at build time, src/core/candidates.ts) and partner_events (each partner's events ranked, src/core/eventRanks.ts); 11 was taken back (per-passage folded rows); 12: folded passage texts as word codes (src/search/foldedWords.ts)
export const INGEST_VERSION = 3; // 2: events carry a category; 3: clause partners, plans and period labels undated, inferred years explained

export const SCHEMA_SQL = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE documents (
  slug        TEXT PRIMARY KEY,
  ord         INTEGER NOT NULL,
  title       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  source_file TEXT NOT NULL,
  partners    TEXT NOT NULL, -- JSON array of partner ids
  sections    INTEGER NOT NULL,
  passages    INTEGER NOT NULL,
  body        TEXT NOT NULL  -- JSON: the document without its sections (those are rows of sections)
);
CREATE TABLE sections (
  doc_slug TEXT NOT NULL REFERENCES documents(slug),
  ord      INTEGER NOT NULL,
  anchor   TEXT NOT NULL,
  heading  TEXT NOT NULL,
  level    INTEGER NOT NULL,
  path     TEXT NOT NULL, -- JSON array
  blocks   TEXT NOT NULL, -- JSON: the section's blocks
  PRIMARY KEY (doc_slug, anchor)
);
CREATE UNIQUE INDEX sections_in_order ON sections (doc_slug, ord);
CREATE TABLE passages (
  id       TEXT PRIMARY KEY,
  doc_slug TEXT NOT NULL REFERENCES documents(slug),
  ord      INTEGER NOT NULL,
  anchor   TEXT NOT NULL,
  block_id TEXT NOT NULL,
  path     TEXT NOT NULL, -- JSON array: section path
  text     TEXT NOT NULL
);
CREATE TABLE passage_partners (
  passage_id TEXT NOT NULL REFERENCES passages(id),
  partner_id TEXT NOT NULL,
  PRIMARY KEY (partner_id, passage_id)
);
CREATE INDEX passage_partners_by_passage ON passage_partners (passage_id, partner_id);
CREATE TABLE section_partners (
  partner_id TEXT NOT NULL,
  doc_slug   TEXT NOT NULL REFERENCES documents(slug),
  anchor     TEXT NOT NULL, -- a section whose path has a heading naming the partner (src/ingest/sectionPartners.ts)
  PRIMARY KEY (partner_id, doc_slug, anchor)
);
CREATE TABLE candidate_sentences (
  id       INTEGER PRIMARY KEY, -- reading order across the library (ties in a comparison go to the earlier)
  doc_slug TEXT NOT NULL REFERENCES documents(slug),
  anchor   TEXT NOT NULL,
  block_id TEXT NOT NULL,
  text     TEXT NOT NULL
);
CREATE TABLE candidate_keys (
  key TEXT PRIMARY KEY, -- textKey() of a candidate sentence: one per distinct wording
  id  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE candidates (
  partner_id  TEXT NOT NULL,
  facet       TEXT NOT NULL,
  score       INTEGER NOT NULL, -- relevance without the date bonus (src/core/candidates.ts)
  sentence_id INTEGER NOT NULL REFERENCES candidate_sentences(id),
  key_id      INTEGER NOT NULL, -- candidate_keys.id
  label       TEXT,             -- key figures: the figures stated
  PRIMARY KEY (partner_id, facet, score DESC, sentence_id)
) WITHOUT ROWID;
CREATE INDEX candidates_by_key ON candidates (partner_id, facet, key_id);
CREATE TABLE partners (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  kind    TEXT NOT NULL,
  aliases TEXT NOT NULL, -- JSON array
  body    TEXT NOT NULL  -- JSON: the full Partner record
);
CREATE TABLE partner_keys (
  key        TEXT PRIMARY KEY, -- nameKey() of the id, the name and every alias
  partner_id TEXT NOT NULL REFERENCES partners(id)
);
CREATE TABLE events (
  ord       INTEGER PRIMARY KEY, -- position in the chronology (date, then document order)
  id        TEXT NOT NULL UNIQUE,
  date      TEXT NOT NULL,
  precision TEXT NOT NULL,
  end_date  TEXT,
  year_from INTEGER NOT NULL,
  year_to   INTEGER NOT NULL,
  category  TEXT NOT NULL,
  partners  TEXT NOT NULL, -- canonical partner names, one per line
  doc_slug  TEXT NOT NULL REFERENCES documents(slug),
  anchor    TEXT NOT NULL,
  summary   TEXT NOT NULL,
  quote     TEXT NOT NULL,
  date_note TEXT -- set when the year or date was inferred from the context: the reason (DateValue.inferred)
);
CREATE TABLE timeline (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  marks     TEXT NOT NULL, -- JSON: every event's TimelineMarks columns, in events.ord order (eventsTable.ts)
  texts     BLOB NOT NULL, -- eventHaystack() of every event, UTF-8, each followed by a newline, in events.ord order (src/search/textBuffer.ts)
  text_ends BLOB NOT NULL  -- Int32LE end offset of each event's text in texts
);
CREATE TABLE event_partners (
  event_id   TEXT NOT NULL REFERENCES events(id),
  partner_id TEXT NOT NULL,
  PRIMARY KEY (partner_id, event_id)
);
CREATE TABLE partner_events (
  partner_id TEXT NOT NULL,
  event_ord  INTEGER NOT NULL, -- events.ord (one row per event_partners row)
  importance INTEGER NOT NULL, -- the comparison's mini timeline (eventImportance)
  score      INTEGER NOT NULL, -- the briefing's short timeline (eventScore)
  quote_hash INTEGER NOT NULL, -- quoteHash(textKey(quote)): the events that date a quoted sentence
  PRIMARY KEY (partner_id, event_ord)
) WITHOUT ROWID;
CREATE INDEX partner_events_by_importance ON partner_events (partner_id, importance DESC, event_ord);
CREATE INDEX partner_events_by_score ON partner_events (partner_id, score DESC, event_ord);
CREATE INDEX partner_events_by_quote ON partner_events (partner_id, quote_hash, event_ord);
CREATE TABLE warnings (
  ord     INTEGER PRIMARY KEY,
  file    TEXT NOT NULL,
  line    INTEGER,
  code    TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE TABLE search_index (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  corpus_hash TEXT NOT NULL,
  lunr        BLOB NOT NULL, -- the index header: passage ids, terms, posting offsets (scorer.ts)
  vocabulary  TEXT NOT NULL, -- JSON object: folded word → corpus spelling
  folded      BLOB NOT NULL, -- foldForMatch() of every passage's text in index order: its distinct words and each passage's word codes (foldedWords.ts)
  folded_ends BLOB NOT NULL  -- Int32LE end offset of each passage's codes in folded (foldedWords.ts)
);
CREATE TABLE search_postings (
  chunk   INTEGER PRIMARY KEY, -- entries [chunk × size, (chunk + 1) × size), size in the header
  docs    BLOB NOT NULL,       -- Int32LE passage ordinals
  weights BLOB NOT NULL        -- Int32LE lunr weights × 1000
);
`;
