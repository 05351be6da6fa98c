-- Deterministic randomness: every draw is a hash of (key, salt, seed), so a seed always yields the same county.
CREATE OR REPLACE TEMP MACRO rnd(k, salt, seed) AS (hash(k, salt, seed) % 1000000007)::DOUBLE / 1000000007;
CREATE OR REPLACE TEMP MACRO rnorm(k, salt, seed) AS
  sqrt(-2 * ln(greatest(rnd(k, salt || ':a', seed), 1e-12))) * cos(2 * pi() * rnd(k, salt || ':b', seed));
CREATE OR REPLACE TEMP MACRO pick(l, k, salt, seed) AS l[1 + (hash(k, salt, seed) % len(l))::INTEGER];
CREATE OR REPLACE TEMP MACRO digits(k, salt, seed, n) AS lpad((hash(k, salt, seed) % (10::HUGEINT ** n)::HUGEINT)::VARCHAR, n, '0');
-- GB 11643 check character of an 18-digit 公民身份号码.
CREATE OR REPLACE TEMP MACRO id_check(s) AS substr('10X98765432',
  1 + (list_sum([(ascii(substr(s, j, 1)) - 48) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][j] FOR j IN range(1, 18)]) % 11)::INTEGER, 1);

CREATE OR REPLACE TEMP TABLE gen AS
SELECT $year::INTEGER AS y, $year::INTEGER - 1 AS py, make_date($year::INTEGER, 10, 31) AS until,
       $payments::BIGINT AS n_payments, $seed::BIGINT AS seed;
