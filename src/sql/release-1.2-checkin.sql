
-- QR check-in (INSP-8): see src/checkin.c.
