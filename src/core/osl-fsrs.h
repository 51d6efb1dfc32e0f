/* osl-fsrs.h: the FSRS-6 spaced-repetition scheduler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_FSRS_N_WEIGHTS       21
#define OSL_FSRS_MAX_STEPS       8
#define OSL_FSRS_MS_PER_MINUTE   G_GINT64_CONSTANT (60000)
#define OSL_FSRS_MS_PER_DAY      G_GINT64_CONSTANT (86400000)

typedef enum
{
  OSL_FSRS_NEW,
  OSL_FSRS_LEARNING,
  OSL_FSRS_REVIEW,
  OSL_FSRS_RELEARNING,
} OslFsrsState;

typedef enum
{
  OSL_FSRS_AGAIN = 1,
  OSL_FSRS_HARD,
  OSL_FSRS_GOOD,
  OSL_FSRS_EASY,
} OslFsrsGrade;

typedef struct
{
  double    w[OSL_FSRS_N_WEIGHTS];
  double    request_retention;
  guint     maximum_interval;        /* days */
  gboolean  enable_fuzz;
  gboolean  enable_short_term;       /* same-day reviews and learning steps */
  guint     learning_steps[OSL_FSRS_MAX_STEPS];    /* minutes */
  guint     n_learning_steps;
  guint     relearning_steps[OSL_FSRS_MAX_STEPS];  /* minutes */
  guint     n_relearning_steps;
  /* Derived by osl_fsrs_params_update (); do not set by hand. */
  double    decay;
  double    factor;
  double    interval_modifier;
  double    recall_growth;           /* e^w8 */
  double    easy_difficulty;         /* D0 (Easy), where difficulty reverts to */
  double    short_term_growth[5];    /* e^(w17 (G − 3 + w18)) by grade */
  double    lapse_floor_divisor;     /* e^(w17 w18) */
} OslFsrsParams;

/* A card's memory and schedule: a plain value, the same fields as the
 * reference implementation's Card. Times are milliseconds since the Unix
 * epoch, UTC. */
typedef struct
{
  gint64        due;
  double        stability;
  double        difficulty;
  guint         elapsed_days;
  guint         scheduled_days;
  guint         reps;
  guint         lapses;
  guint         learning_steps;
  OslFsrsState  state;
  gint64        last_review;   /* meaningless while state is NEW */
} OslFsrsCard;

/* What each of the four grades would do; index 0 is unused. */
typedef struct
{
  OslFsrsCard  outcome[5];
} OslFsrsPreview;

void          osl_fsrs_params_init           (OslFsrsParams      *params);
gboolean      osl_fsrs_params_set_retention  (OslFsrsParams      *params,
                                              double              retention,
                                              GError            **error);
void          osl_fsrs_params_update         (OslFsrsParams      *params);

void          osl_fsrs_card_init             (OslFsrsCard        *card,
                                              gint64              now);
void          osl_fsrs_preview               (const OslFsrsParams *params,
                                              const OslFsrsCard  *card,
                                              gint64              now,
                                              OslFsrsPreview     *preview);
void          osl_fsrs_next                  (const OslFsrsParams *params,
                                              const OslFsrsCard  *card,
                                              gint64              now,
                                              OslFsrsGrade        grade,
                                              OslFsrsCard        *next);
void          osl_fsrs_next_memory           (const OslFsrsParams *params,
                                              const OslFsrsCard  *card,
                                              gint64              now,
                                              OslFsrsGrade        grade,
                                              OslFsrsCard        *next);
double        osl_fsrs_forgetting_curve      (const OslFsrsParams *params,
                                              double              elapsed_days,
                                              double              stability);
double        osl_fsrs_get_retrievability    (const OslFsrsParams *params,
                                              const OslFsrsCard  *card,
                                              gint64              now);
gint64        osl_fsrs_utc_days_between      (gint64              from,
                                              gint64              to);

OslFsrsGrade  osl_fsrs_grade_from_rating     (guint               rating);
const char   *osl_fsrs_state_to_string       (OslFsrsState        state);

G_END_DECLS
