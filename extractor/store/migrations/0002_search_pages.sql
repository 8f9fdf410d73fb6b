-- Searches show the newest items first and stop at a limit. These indexes hold every
-- column a search filters and sorts on, so the page of ids is read from the index alone
-- (province + kind), or the newest items are walked in order until the page is full
-- (text that most items contain). They supersede the province indexes of 0001.
CREATE INDEX items_province_page ON items(current, province_key, kind, published, article_id, n);
CREATE INDEX items_before_page ON items(current, province_before_key, kind, published, article_id, n);
CREATE INDEX items_newest ON items(published DESC, article_id, kind, n) WHERE current = 1;
DROP INDEX items_province_kind;
DROP INDEX items_before_kind;
