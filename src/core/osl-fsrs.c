/* osl-fsrs.c: the FSRS-6 spaced-repetition scheduler
 *
 * A port of the reference implementation (ts-fsrs 5.4, "FSRS-6.0"),
 * arithmetic step for arithmetic step: the reference rounds stability,
 * difficulty and retrievability to 8 decimals at fixed points and uses
 * JavaScript's Math.round, and both are reproduced here so that intervals
 * come out exactly the same. Fuzz uses the reference's Alea generator
 * seeded with the same string, so a fuzzed interval is the same too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "osl-fsrs.h"
#include "osl-js-number.h"

#define S_MIN 0.001
#define S_MAX 36500.0

typedef struct
{
  double c;
  double s0;
  double s1;
  double s2;
} Alea;

/* One review being computed: the card as it is after the bookkeeping
 * that precedes every answer (reps + 1, last review = now). */
typedef struct
{
  const OslFsrsParams *params;
  OslFsrsCard          current;
  OslFsrsState         last_state;
  gint64               now;
  guint                elapsed_days;
  double               memory_product;  /* D × S before the answer */
  gboolean             memory_only;     /* leave day intervals at 0 */
  gboolean             have_fuzz;
  double               fuzz;            /* the seeded draw in [0, 1) */
} Review;

static const double default_w[OSL_FSRS_N_WEIGHTS] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
  1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

/* JavaScript's Math.round: halves go up, towards +∞. The floor is
 * taken through a 64-bit integer, which is exact below 2^52 and much
 * cheaper than floor () on processors without a rounding instruction;
 * zeros keep their sign and larger numbers are whole already. */
static double
js_round (double x)
{
  double r;

  if (x == 0 || !(fabs (x) < 4503599627370496.0))
    return x;
  r = (double) (gint64) x;
  if (r > x)
    r -= 1;
  return x - r >= 0.5 ? r + 1 : r;
}

static double
round8 (double x)
{
  return js_round (x * 1e8) / 1e8;
}

static double
clamp (double x,
       double min,
       double max)
{
  return MIN (MAX (x, min), max);
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* JavaScript's ToUint32 for the non-negative values (< 2^64) Mash
 * produces: the cast truncates, the mask wraps modulo 2^32. */
static double
to_uint32 (double x)
{
  return (double) ((guint64) x & G_GUINT64_CONSTANT (0xffffffff));
}

/* Inside the loop n stays below 2^32 + 2^28 and h below 2^27, so
 * ToUint32 (h) is plain truncation, which a signed conversion does in
 * two instructions. */
static double
mash (double     *n,
      const char *data,
      gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      double h;

      *n += (guchar) data[i];
      h = 0.02519603282416938 * *n;
      *n = (double) (gint64) h;
      h -= *n;
      h *= *n;
      *n = (double) (gint64) h;
      h -= *n;
      *n += h * 4294967296.0;
    }
  return to_uint32 (*n) * 2.3283064365386963e-10;
}

static void
alea_init (Alea       *alea,
           const char *seed,
           gsize       length)
{
  static double n_after_spaces, s0, s1, s2;
  static gsize initialized = 0;
  double n;

  /* The first three mashes of " " are the same for every seed. */
  if (g_once_init_enter (&initialized))
    {
      n_after_spaces = 4022871197.0;
      s0 = mash (&n_after_spaces, " ", 1);
      s1 = mash (&n_after_spaces, " ", 1);
      s2 = mash (&n_after_spaces, " ", 1);
      g_once_init_leave (&initialized, 1);
    }
  n = n_after_spaces;
  alea->c = 1;
  alea->s0 = s0;
  alea->s1 = s1;
  alea->s2 = s2;
  alea->s0 -= mash (&n, seed, length);
  if (alea->s0 < 0)
    alea->s0 += 1;
  alea->s1 -= mash (&n, seed, length);
  if (alea->s1 < 0)
    alea->s1 += 1;
  alea->s2 -= mash (&n, seed, length);
  if (alea->s2 < 0)
    alea->s2 += 1;
}

static double
alea_next (Alea *alea)
{
  double t = 2091639 * alea->s0 + alea->c * 2.3283064365386963e-10;

  alea->s0 = alea->s1;
  alea->s1 = alea->s2;
  alea->c = trunc (t);
  alea->s2 = t - alea->c;
  return alea->s2;
}

static double
init_difficulty (const OslFsrsParams *params,
                 OslFsrsGrade         grade)
{
  return round8 (params->w[4] - exp ((grade - 1) * params->w[5]) + 1);
}

void
osl_fsrs_params_init (OslFsrsParams *params)
{
  memset (params, 0, sizeof *params);
  memcpy (params->w, default_w, sizeof default_w);
  params->request_retention = 0.9;
  params->maximum_interval = 36500;
  params->enable_fuzz = FALSE;
  params->enable_short_term = TRUE;
  params->learning_steps[0] = 1;
  params->learning_steps[1] = 10;
  params->n_learning_steps = 2;
  params->relearning_steps[0] = 10;
  params->n_relearning_steps = 1;
  osl_fsrs_params_update (params);
}

/**
 * osl_fsrs_params_update:
 *
 * Recomputes the derived constants after the weights or the desired
 * retention changed.
 */
void
osl_fsrs_params_update (OslFsrsParams *params)
{
  params->decay = -params->w[20];
  params->factor = round8 (exp ((1.0 / params->decay) * log (0.9)) - 1);
  params->interval_modifier = round8 ((pow (params->request_retention, 1 / params->decay) - 1) /
                                      params->factor);
  /* Factors of the formulas below that only depend on the weights: a
   * long history is replayed a million answers at a time. */
  params->recall_growth = exp (params->w[8]);
  params->easy_difficulty = init_difficulty (params, OSL_FSRS_EASY);
  for (OslFsrsGrade g = OSL_FSRS_AGAIN; g <= OSL_FSRS_EASY; g++)
    params->short_term_growth[g] = exp (params->w[17] * ((int) g - 3 + params->w[18]));
  params->lapse_floor_divisor = exp (params->w[17] * params->w[18]);
}

gboolean
osl_fsrs_params_set_retention (OslFsrsParams  *params,
                               double          retention,
                               GError        **error)
{
  if (!(retention >= 0.7 && retention <= 0.99))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A desired retention of %g is outside 0.70–0.99: lower forgets too much, higher means a review almost every day."),
                   retention);
      return FALSE;
    }
  params->request_retention = retention;
  osl_fsrs_params_update (params);
  return TRUE;
}

void
osl_fsrs_card_init (OslFsrsCard *card,
                    gint64       now)
{
  memset (card, 0, sizeof *card);
  card->due = now;
  card->state = OSL_FSRS_NEW;
}

/**
 * osl_fsrs_utc_days_between:
 *
 * Returns: the number of UTC calendar dates from @from to @to, as the
 * reference counts "days since the last review"
 */
gint64
osl_fsrs_utc_days_between (gint64 from,
                           gint64 to)
{
  return floor_div (to, OSL_FSRS_MS_PER_DAY) - floor_div (from, OSL_FSRS_MS_PER_DAY);
}

double
osl_fsrs_forgetting_curve (const OslFsrsParams *params,
                           double               elapsed_days,
                           double               stability)
{
  return round8 (pow (1 + params->factor * elapsed_days / stability, params->decay));
}

static double
init_stability (const OslFsrsParams *params,
                OslFsrsGrade         grade)
{
  return MAX (params->w[grade - 1], 0.1);
}

static double
next_difficulty (const OslFsrsParams *params,
                 double               d,
                 OslFsrsGrade         grade)
{
  const double *w = params->w;
  double delta_d = -w[6] * ((int) grade - 3);
  double next_d = d + round8 (delta_d * (10 - d) / 9);
  double reverted = round8 (w[7] * params->easy_difficulty + (1 - w[7]) * next_d);

  return clamp (reverted, 1, 10);
}

static double
next_recall_stability (const OslFsrsParams *params,
                       double               d,
                       double               s,
                       double               r,
                       OslFsrsGrade         grade)
{
  const double *w = params->w;
  double hard_penalty = grade == OSL_FSRS_HARD ? w[15] : 1;
  double easy_bonus = grade == OSL_FSRS_EASY ? w[16] : 1;

  return round8 (clamp (s * (1 + params->recall_growth * (11 - d) * pow (s, -w[9]) *
                             (exp ((1 - r) * w[10]) - 1) * hard_penalty * easy_bonus),
                        S_MIN, S_MAX));
}

static double
next_forget_stability (const OslFsrsParams *params,
                       double               d,
                       double               s,
                       double               r)
{
  const double *w = params->w;

  return round8 (clamp (w[11] * pow (d, -w[12]) * (pow (s + 1, w[13]) - 1) * exp ((1 - r) * w[14]),
                        S_MIN, S_MAX));
}

static double
next_short_term_stability (const OslFsrsParams *params,
                           double               s,
                           OslFsrsGrade         grade)
{
  double sinc = pow (s, -params->w[19]) * params->short_term_growth[grade];

  /* Hard, Good and Easy never lower stability on the same day. */
  if (grade >= OSL_FSRS_HARD)
    sinc = MAX (sinc, 1);
  return round8 (clamp (s * sinc, S_MIN, S_MAX));
}

/* The memory model: stability and difficulty after answering @grade
 * @t days after the previous review, with retrievability @r then. */
static void
next_memory (const OslFsrsParams *params,
             OslFsrsCard         *card,
             guint                t,
             OslFsrsGrade         grade,
             double               r)
{
  double d = card->difficulty, s = card->stability, new_s;

  if (d == 0 && s == 0)
    {
      card->difficulty = clamp (init_difficulty (params, grade), 1, 10);
      card->stability = init_stability (params, grade);
      return;
    }
  if (t == 0 && params->enable_short_term)
    new_s = next_short_term_stability (params, s, grade);
  else if (grade == OSL_FSRS_AGAIN)
    {
      double after_fail = next_forget_stability (params, d, s, r);
      /* e^(w17·w18), or e^0 without short-term scheduling */
      double floor_s = round8 (s / (params->enable_short_term ? params->lapse_floor_divisor : 1));

      /* A lapse never raises stability above the pre-lapse value. */
      new_s = MIN (MAX (floor_s, S_MIN), after_fail);
    }
  else
    new_s = next_recall_stability (params, d, s, r, grade);
  card->difficulty = next_difficulty (params, d, grade);
  card->stability = new_s;
}

static void
fuzz_range (const OslFsrsParams *params,
            double               interval,
            guint                elapsed_days,
            double              *min_ivl,
            double              *max_ivl)
{
  double delta = 1;

  delta += 0.15 * MAX (MIN (interval, 7) - 2.5, 0);
  delta += 0.10 * MAX (MIN (interval, 20) - 7, 0);
  delta += 0.05 * MAX (interval - 20, 0);
  interval = MIN (interval, params->maximum_interval);
  *min_ivl = MAX (2, js_round (interval - delta));
  *max_ivl = MIN (js_round (interval + delta), params->maximum_interval);
  if (interval > elapsed_days)
    *min_ivl = MAX (*min_ivl, elapsed_days + 1);
  *min_ivl = MIN (*min_ivl, *max_ivl);
}

/* Writes @value in decimal, as JavaScript's String () does for an
 * integer; returns the end. */
static char *
put_integer (char   *p,
             gint64  value)
{
  char reversed[20];
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  int n = 0;

  if (value < 0)
    *p++ = '-';
  do
    {
      reversed[n++] = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);
  while (n > 0)
    *p++ = reversed[--n];
  return p;
}

/* The reference seeds its generator with "<now in ms>_<reps>_<D×S>" for
 * every interval of one answer, so all of them share one draw. */
static double
fuzz_draw (Review *review)
{
  char seed[24 + 1 + 12 + 1 + OSL_JS_NUMBER_BUFFER_SIZE];
  char *p;
  Alea alea;

  if (review->have_fuzz)
    return review->fuzz;
  p = put_integer (seed, review->now);
  *p++ = '_';
  p = put_integer (p, review->current.reps);
  *p++ = '_';
  p += osl_js_number_format (review->memory_product, p);
  alea_init (&alea, seed, p - seed);
  review->fuzz = alea_next (&alea);
  review->have_fuzz = TRUE;
  return review->fuzz;
}

static guint
next_interval (Review *review,
               double  stability)
{
  const OslFsrsParams *params = review->params;
  double ivl = MIN (MAX (1, js_round (stability * params->interval_modifier)), params->maximum_interval);
  double min_ivl, max_ivl;

  if (review->memory_only)
    return 0;
  if (!params->enable_fuzz || ivl < 2.5)
    return ivl;
  fuzz_range (params, ivl, review->elapsed_days, &min_ivl, &max_ivl);
  return floor (fuzz_draw (review) * (max_ivl - min_ivl + 1) + min_ivl);
}

static void
review_begin (Review              *review,
              const OslFsrsParams *params,
              const OslFsrsCard   *card,
              gint64               now)
{
  gint64 days = 0;

  review->params = params;
  review->current = *card;
  review->last_state = card->state;
  review->now = now;
  if (card->state != OSL_FSRS_NEW)
    days = osl_fsrs_utc_days_between (card->last_review, now);
  /* The reference refuses a clock that went backwards; a student's
   * laptop can do that, and "same day" is the honest reading. */
  review->elapsed_days = MAX (days, 0);
  review->current.last_review = now;
  review->current.elapsed_days = review->elapsed_days;
  review->current.reps++;
  review->memory_product = card->difficulty * card->stability;
  review->have_fuzz = FALSE;
  review->memory_only = FALSE;
}

static OslFsrsCard
review_memory (const Review *review,
               OslFsrsGrade  grade,
               double        r)
{
  OslFsrsCard next = review->current;

  next_memory (review->params, &next, review->elapsed_days, grade, r);
  return next;
}

/* The learning-step delay in minutes for @grade, or 0 to graduate. */
static guint
step_minutes (const Review *review,
              OslFsrsGrade  grade,
              guint        *next_step)
{
  const OslFsrsParams *params = review->params;
  OslFsrsState state = review->current.state;
  gboolean relearning = state == OSL_FSRS_RELEARNING || state == OSL_FSRS_REVIEW;
  const guint *steps = relearning ? params->relearning_steps : params->learning_steps;
  guint n_steps = relearning ? params->n_relearning_steps : params->n_learning_steps;
  guint current = review->current.learning_steps;

  *next_step = 0;
  if (n_steps == 0 || current >= n_steps)
    return 0;
  if (state == OSL_FSRS_REVIEW)
    return grade == OSL_FSRS_AGAIN ? steps[current] : 0;
  switch (grade)
    {
    case OSL_FSRS_AGAIN:
      return steps[0];
    case OSL_FSRS_HARD:
      *next_step = current;
      return n_steps == 1 ? js_round (steps[0] * 1.5) : js_round ((steps[0] + steps[1]) / 2.0);
    case OSL_FSRS_GOOD:
      if (current + 1 < n_steps && steps[current + 1] > 0)
        {
          *next_step = current + 1;
          return steps[current + 1];
        }
      return 0;
    case OSL_FSRS_EASY:
    default:
      return 0;
    }
}

static void
apply_learning_steps (Review       *review,
                      OslFsrsCard  *next,
                      OslFsrsGrade  grade,
                      OslFsrsState  to_state)
{
  guint next_step = 0;
  guint minutes = step_minutes (review, grade, &next_step);

  if (minutes > 0 && minutes < 1440)
    {
      next->learning_steps = next_step;
      next->scheduled_days = 0;
      next->state = to_state;
      next->due = review->now + minutes * OSL_FSRS_MS_PER_MINUTE;
      return;
    }
  next->state = OSL_FSRS_REVIEW;
  if (minutes >= 1440)
    {
      next->learning_steps = next_step;
      next->due = review->now + minutes * OSL_FSRS_MS_PER_MINUTE;
      next->scheduled_days = minutes / 1440;
    }
  else
    {
      next->learning_steps = 0;
      next->scheduled_days = next_interval (review, next->stability);
      next->due = review->now + next->scheduled_days * OSL_FSRS_MS_PER_DAY;
    }
}

static void
schedule_days (const Review *review,
               OslFsrsCard  *card,
               guint         days)
{
  card->scheduled_days = days;
  card->due = review->now + days * OSL_FSRS_MS_PER_DAY;
  card->state = OSL_FSRS_REVIEW;
  card->learning_steps = 0;
}

static double
review_retrievability (const Review *review)
{
  if (review->last_state == OSL_FSRS_NEW)
    return 0;
  return osl_fsrs_forgetting_curve (review->params, review->elapsed_days, review->current.stability);
}

/* Short-term scheduler, a new or (re)learning card: learning steps. Each
 * grade's outcome stands alone. */
static OslFsrsCard
learning_outcome (Review       *review,
                  OslFsrsGrade  grade,
                  double        r)
{
  OslFsrsState to_state = review->last_state == OSL_FSRS_NEW ? OSL_FSRS_LEARNING : review->last_state;
  OslFsrsCard next = review_memory (review, grade, r);

  apply_learning_steps (review, &next, grade, to_state);
  return next;
}

/* Short-term scheduler, a card in review that is forgotten: relearning. */
static OslFsrsCard
lapse_outcome (Review *review,
               double  r)
{
  OslFsrsCard next = review_memory (review, OSL_FSRS_AGAIN, r);

  apply_learning_steps (review, &next, OSL_FSRS_AGAIN, OSL_FSRS_RELEARNING);
  next.lapses++;
  return next;
}

static void
preview_learning (Review         *review,
                  OslFsrsPreview *preview)
{
  double r = review_retrievability (review);

  for (OslFsrsGrade g = OSL_FSRS_AGAIN; g <= OSL_FSRS_EASY; g++)
    preview->outcome[g] = learning_outcome (review, g, r);
}

/* Short-term scheduler, a card in review that is remembered: Hard, Good
 * and Easy get day intervals in that order. */
static void
preview_passes (Review         *review,
                double          r,
                OslFsrsPreview *preview)
{
  guint hard, good, easy;

  for (OslFsrsGrade g = OSL_FSRS_HARD; g <= OSL_FSRS_EASY; g++)
    preview->outcome[g] = review_memory (review, g, r);
  hard = next_interval (review, preview->outcome[OSL_FSRS_HARD].stability);
  good = next_interval (review, preview->outcome[OSL_FSRS_GOOD].stability);
  hard = MIN (hard, good);
  good = MAX (good, hard + 1);
  easy = MAX (next_interval (review, preview->outcome[OSL_FSRS_EASY].stability), good + 1);
  schedule_days (review, &preview->outcome[OSL_FSRS_HARD], hard);
  schedule_days (review, &preview->outcome[OSL_FSRS_GOOD], good);
  schedule_days (review, &preview->outcome[OSL_FSRS_EASY], easy);
}

/* Short-term scheduler, a card in review: Again relearns. */
static void
preview_review (Review         *review,
                OslFsrsPreview *preview)
{
  double r = review_retrievability (review);

  preview_passes (review, r, preview);
  preview->outcome[OSL_FSRS_AGAIN] = lapse_outcome (review, r);
}

/* Long-term scheduler (no same-day reviews): every answer gets a day
 * interval, strictly increasing from Again to Easy. */
static void
preview_long_term (Review         *review,
                   OslFsrsPreview *preview)
{
  gboolean is_new = review->last_state == OSL_FSRS_NEW;
  double r = review_retrievability (review);
  guint ivl[5];

  for (OslFsrsGrade g = OSL_FSRS_AGAIN; g <= OSL_FSRS_EASY; g++)
    {
      preview->outcome[g] = review_memory (review, g, r);
      ivl[g] = next_interval (review, preview->outcome[g].stability);
    }
  ivl[OSL_FSRS_AGAIN] = MIN (ivl[OSL_FSRS_AGAIN], ivl[OSL_FSRS_HARD]);
  ivl[OSL_FSRS_HARD] = MAX (ivl[OSL_FSRS_HARD], ivl[OSL_FSRS_AGAIN] + 1);
  ivl[OSL_FSRS_GOOD] = MAX (ivl[OSL_FSRS_GOOD], ivl[OSL_FSRS_HARD] + 1);
  ivl[OSL_FSRS_EASY] = MAX (ivl[OSL_FSRS_EASY], ivl[OSL_FSRS_GOOD] + 1);
  for (OslFsrsGrade g = OSL_FSRS_AGAIN; g <= OSL_FSRS_EASY; g++)
    schedule_days (review, &preview->outcome[g], ivl[g]);
  if (!is_new)
    preview->outcome[OSL_FSRS_AGAIN].lapses++;
}

/**
 * osl_fsrs_preview:
 *
 * Computes what each grade would do to @card answered at @now, so that
 * the buttons can show when the card comes back.
 */
static void
preview_all (Review         *review,
             OslFsrsPreview *preview)
{
  memset (preview, 0, sizeof *preview);
  if (!review->params->enable_short_term)
    preview_long_term (review, preview);
  else if (review->last_state == OSL_FSRS_REVIEW)
    preview_review (review, preview);
  else
    preview_learning (review, preview);
}

void
osl_fsrs_preview (const OslFsrsParams *params,
                  const OslFsrsCard   *card,
                  gint64               now,
                  OslFsrsPreview      *preview)
{
  Review review;

  review_begin (&review, params, card, now);
  preview_all (&review, preview);
}

static void
next_card (const OslFsrsParams *params,
           const OslFsrsCard   *card,
           gint64               now,
           OslFsrsGrade         grade,
           gboolean             memory_only,
           OslFsrsCard         *next)
{
  OslFsrsPreview preview;
  Review review;

  g_return_if_fail (grade >= OSL_FSRS_AGAIN && grade <= OSL_FSRS_EASY);

  review_begin (&review, params, card, now);
  review.memory_only = memory_only;
  /* Replaying a long history calls this a million times: compute only
   * the outcome asked for where it does not depend on the others. */
  if (params->enable_short_term && (card->state != OSL_FSRS_REVIEW || grade == OSL_FSRS_AGAIN))
    {
      if (card->state == OSL_FSRS_REVIEW)
        *next = lapse_outcome (&review, review_retrievability (&review));
      else
        *next = learning_outcome (&review, grade, review_retrievability (&review));
      return;
    }
  if (memory_only)
    {
      /* Only the day intervals tie the grades' outcomes together. */
      *next = review_memory (&review, grade, review_retrievability (&review));
      schedule_days (&review, next, 0);
      if (grade == OSL_FSRS_AGAIN && review.last_state != OSL_FSRS_NEW)
        next->lapses++;
      return;
    }
  if (params->enable_short_term)
    preview_passes (&review, review_retrievability (&review), &preview);
  else
    preview_all (&review, &preview);
  *next = preview.outcome[grade];
}

void
osl_fsrs_next (const OslFsrsParams *params,
               const OslFsrsCard   *card,
               gint64               now,
               OslFsrsGrade         grade,
               OslFsrsCard         *next)
{
  next_card (params, card, now, grade, FALSE, next);
}

/**
 * osl_fsrs_next_memory:
 *
 * Like osl_fsrs_next (), but a card that goes to review gets no day
 * interval (due and scheduled days stay at the time of the answer).
 * Later answers never depend on those, so replaying a history only needs
 * them for each card's last answer, and the interval fuzz, the costly
 * part, is skipped for all the others.
 */
void
osl_fsrs_next_memory (const OslFsrsParams *params,
                      const OslFsrsCard   *card,
                      gint64               now,
                      OslFsrsGrade         grade,
                      OslFsrsCard         *next)
{
  next_card (params, card, now, grade, TRUE, next);
}

/**
 * osl_fsrs_get_retrievability:
 *
 * Returns: the probability of recalling @card at @now (0 for a new card),
 * counting whole 24-hour periods since the last review as the reference
 * does for this figure.
 */
double
osl_fsrs_get_retrievability (const OslFsrsParams *params,
                             const OslFsrsCard   *card,
                             gint64               now)
{
  gint64 t;

  if (card->state == OSL_FSRS_NEW)
    return 0;
  t = MAX (floor_div (now - card->last_review, OSL_FSRS_MS_PER_DAY), 0);
  return osl_fsrs_forgetting_curve (params, t, round8 (card->stability));
}

/**
 * osl_fsrs_grade_from_rating:
 * @rating: the lecture's "How well did you know this?" 1–5
 *
 * 1 "Not at all" and 2 are failures (Again): counting a mostly wrong
 * answer as a pass is the Hard misuse that makes intervals too long.
 * 3 → Hard, 4 → Good, 5 "Perfectly" → Easy.
 */
OslFsrsGrade
osl_fsrs_grade_from_rating (guint rating)
{
  g_return_val_if_fail (rating >= 1 && rating <= 5, OSL_FSRS_AGAIN);

  return rating <= 2 ? OSL_FSRS_AGAIN : rating - 1;
}

const char *
osl_fsrs_state_to_string (OslFsrsState state)
{
  static const char * const names[] = { "new", "learning", "review", "relearning" };

  g_return_val_if_fail (state <= OSL_FSRS_RELEARNING, "new");
  return names[state];
}
