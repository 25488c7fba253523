
-- ---------------------------------------------------------------------------
-- Supervision views.
-- ---------------------------------------------------------------------------

-- One row per officer: the current (or, with none, the latest) certificate.
CREATE VIEW enforcement.v_officer_certification WITH (security_invoker = true) AS
SELECT o.id AS officer_id,
       o.agency_id,
       c.number AS certificate_number,
       c.status,
       c.valid_to,
       (c.id IS NOT NULL
        AND (o.left_on IS NULL OR o.left_on > current_date)
        AND c.valid_from <= current_date AND c.valid_to >= current_date
        AND NOT (c.status <> 'active' AND c.status_since <= current_date))
           AS certified_today,
       CASE
           WHEN o.left_on <= current_date THEN 'left'
           WHEN c.id IS NULL THEN 'no_certificate'
           WHEN c.status = 'revoked' AND c.status_since <= current_date THEN 'revoked'
           WHEN c.status = 'suspended' AND c.status_since <= current_date THEN 'suspended'
           WHEN c.valid_from > current_date THEN 'not_yet_valid'
           WHEN c.valid_to < current_date THEN 'expired'
           WHEN c.valid_to < current_date + 90 THEN 'expires_within_90_days'
       END AS problem
FROM enforcement.officers o
LEFT JOIN LATERAL (
    SELECT c.*
    FROM enforcement.certificates c
    WHERE c.officer_id = o.id
    ORDER BY c.status <> 'revoked' DESC, c.issued_on DESC, c.id DESC
    LIMIT 1
) c ON true;

