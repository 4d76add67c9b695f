-- Bitmap and N-gram bloom filter indexes inside the column list.
CREATE TABLE articles (
    article_id BIGINT NOT NULL,
    category VARCHAR(32),
    title VARCHAR(256),
    INDEX idx_category (category) USING BITMAP COMMENT 'category filter',
    INDEX idx_title_ngram (title) USING NGRAMBF ("gram_num" = "4", "bloom_filter_fpp" = "0.05")
)
DUPLICATE KEY(article_id)
DISTRIBUTED BY HASH(article_id) BUCKETS 2
PROPERTIES ("replication_num" = "1");
