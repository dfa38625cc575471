-- A random draw plans its inspections (issue 14 items 1 and 3): each drawn enterprise gets one
-- inspection of kind 'random' with the draw's items and the two (or more) inspectors drawn for it,
-- planned for the body's head to approve like any other. `inspect_by`: the last city date the draw's
-- inspections may happen (the window runs from the day of the draw); NULL on draws opened before it.
ALTER TABLE random_draws ADD COLUMN inspect_by date;

ALTER TABLE inspections
  ADD CONSTRAINT inspections_draw_fk FOREIGN KEY (draw_id) REFERENCES random_draws (id);
CREATE INDEX inspections_draw_idx ON inspections (draw_id) WHERE draw_id IS NOT NULL;
