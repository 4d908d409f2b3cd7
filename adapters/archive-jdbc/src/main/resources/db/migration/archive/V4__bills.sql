-- Bills and their closed periods (issue #14). Written in SQL that both H2 2.x and PostgreSQL 15 run: no MERGE, and
-- no column named after a keyword of either (period, position, rank, day), hence period_name, link_order, billed_rank.

-- One row per bill: BillDefinition's fields. An absent commit or price is NULL.
CREATE TABLE bill (
    id                     VARCHAR(32)              NOT NULL PRIMARY KEY,
    name                   VARCHAR(512)             NOT NULL,
    model                  VARCHAR(16)              NOT NULL,
    billing_rule           VARCHAR(32)              NOT NULL,
    link_combination       VARCHAR(16)              NOT NULL,
    commit_bps             DOUBLE PRECISION,
    price_per_mbps         DOUBLE PRECISION,
    overage_price_per_mbps DOUBLE PRECISION,
    commit_bytes           DOUBLE PRECISION,
    price_per_gb           DOUBLE PRECISION,
    currency               VARCHAR(3)               NOT NULL,
    time_zone              VARCHAR(64)              NOT NULL,
    period_start_day       SMALLINT                 NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The links of a bill in the order given. No reference to archive_link: a bill outlives a removed link, whose
-- samples then count as missing.
CREATE TABLE bill_link (
    bill_id    VARCHAR(32) NOT NULL REFERENCES bill (id) ON DELETE CASCADE,
    link_order INTEGER     NOT NULL,
    link_id    VARCHAR(32) NOT NULL,
    PRIMARY KEY (bill_id, link_order)
);

-- One row per closed period and revision: revision 0 holds the figures the period closed with (computed_at is when
-- it closed), each later revision a recomputation that differed from the one before. Nothing is updated in place.
CREATE TABLE bill_period (
    bill_id        VARCHAR(32)              NOT NULL REFERENCES bill (id) ON DELETE CASCADE,
    period_name    VARCHAR(7)               NOT NULL,
    revision       INTEGER                  NOT NULL,
    computed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    period_from    TIMESTAMP WITH TIME ZONE NOT NULL,
    period_to      TIMESTAMP WITH TIME ZONE NOT NULL,
    expected_slots INTEGER                  NOT NULL,
    elapsed_slots  INTEGER                  NOT NULL,
    present_slots  INTEGER                  NOT NULL,
    coverage       DOUBLE PRECISION         NOT NULL,
    p95_in_bps     DOUBLE PRECISION,
    p95_out_bps    DOUBLE PRECISION,
    billed_bps     DOUBLE PRECISION,
    billed_rank    INTEGER,
    total_bytes    DOUBLE PRECISION         NOT NULL,
    commit_bps     DOUBLE PRECISION,
    overage_bps    DOUBLE PRECISION,
    commit_bytes   DOUBLE PRECISION,
    overage_bytes  DOUBLE PRECISION,
    charge         DOUBLE PRECISION,
    PRIMARY KEY (bill_id, period_name, revision)
);

-- Each link's own figures of one revision, in the bill's link order.
CREATE TABLE bill_period_link (
    bill_id       VARCHAR(32)      NOT NULL,
    period_name   VARCHAR(7)       NOT NULL,
    revision      INTEGER          NOT NULL,
    link_order    INTEGER          NOT NULL,
    link_id       VARCHAR(32)      NOT NULL,
    present_slots INTEGER          NOT NULL,
    coverage      DOUBLE PRECISION NOT NULL,
    p95_in_bps    DOUBLE PRECISION,
    p95_out_bps   DOUBLE PRECISION,
    billed_bps    DOUBLE PRECISION,
    billed_rank   INTEGER,
    total_bytes   DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (bill_id, period_name, revision, link_order),
    CONSTRAINT bill_period_link_period FOREIGN KEY (bill_id, period_name, revision)
        REFERENCES bill_period (bill_id, period_name, revision) ON DELETE CASCADE
);
