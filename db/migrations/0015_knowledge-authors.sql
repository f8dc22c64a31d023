-- Up Migration

-- Who published each version of an article (docs/knowledge.md#writing-articles): the token
-- subject of the supervisor or admin who published it through PUT /v1/knowledge/articles/:id,
-- kept for audit beside what they published. Null for the versions the local stack's seed
-- publishes, and for those published before staff could write articles.
ALTER TABLE knowledge_articles ADD COLUMN published_by text;

-- Down Migration

ALTER TABLE knowledge_articles DROP COLUMN published_by;
