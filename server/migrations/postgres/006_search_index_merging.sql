-- GIN's fast update parks new entries in a pending list that every search
-- scans from end to end until VACUUM merges it into the index; after the bench
-- seed, searches were 25 % slower until it did (bench/README.md). Products are
-- written far less often than they are searched: write into the index itself.
ALTER INDEX products_search SET (fastupdate = off);
SELECT gin_clean_pending_list('products_search');
