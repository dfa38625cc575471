-- Similar open appeals while someone types: only open appeals are candidates, so their words get an
-- index of their own (the whole pool's words index would read every closed appeal that shares a word).
CREATE INDEX appeals_open_words_idx ON appeals USING gin (words)
  WHERE status IN ('submitted', 'accepted', 'dispatched', 'handling', 'paused', 'returned', 'arbitration',
                   'awaiting_approval', 'replied');
