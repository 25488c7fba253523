
-- Inspection supervision views.
