-- Up Migration

-- The knowledge base (docs/knowledge.md): articles that answer customers' questions, in zh-CN and
-- en. An article keeps its id for life; publishing changed content adds a version, and the older
-- ones stay for audit (what a customer was shown then). Search reads the latest version only.
CREATE TABLE knowledge_articles (
  id           text NOT NULL,
  version      integer NOT NULL CHECK (version >= 1),
  category     text NOT NULL,
  skus         text[] NOT NULL DEFAULT '{}',
  published_at timestamptz(3) NOT NULL DEFAULT now(),
  -- How often this version answered a customer's question, and how often it did not: the
  -- customer's word, through POST /v1/knowledge/articles/:id/feedback.
  answered     integer NOT NULL DEFAULT 0 CHECK (answered >= 0),
  not_answered integer NOT NULL DEFAULT 0 CHECK (not_answered >= 0),
  PRIMARY KEY (id, version)
);

-- One row per language a version is written in. `grams` are the title's and body's search grams
-- (domain/knowledgeSearch.ts): character unigrams and bigrams of Chinese, trigrams of other
-- words. The index finds the articles sharing a gram with a question; the score is computed from
-- the text itself.
CREATE TABLE knowledge_translations (
  article_id text NOT NULL,
  version    integer NOT NULL,
  locale     text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
  title      text NOT NULL,
  body       text NOT NULL,
  grams      text[] NOT NULL,
  PRIMARY KEY (article_id, version, locale),
  FOREIGN KEY (article_id, version) REFERENCES knowledge_articles (id, version)
);
CREATE INDEX knowledge_translations_grams_idx ON knowledge_translations USING gin (grams);

-- A feedback request's Idempotency-Key, per caller: the same key again counts once.
CREATE TABLE knowledge_feedback_requests (
  caller          text NOT NULL,
  idempotency_key text NOT NULL,
  article_id      text NOT NULL,
  version         integer NOT NULL,
  answered        boolean NOT NULL,
  received_at     timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (caller, idempotency_key),
  FOREIGN KEY (article_id, version) REFERENCES knowledge_articles (id, version)
);

-- Down Migration

DROP TABLE knowledge_feedback_requests;
DROP TABLE knowledge_translations;
DROP TABLE knowledge_articles;
