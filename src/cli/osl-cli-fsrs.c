/* osl-cli-fsrs.c: os-lens-cli fsrs, one new card replayed through FSRS
 *
 * Prints what the scheduler does with each answer, one JSON object per
 * line, so that the numbers can be compared with any other FSRS
 * implementation fed the same history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <inttypes.h>

#include "osl-cli-commands.h"
#include "osl-fsrs.h"

/* 2025-01-06 12:00 UTC: noon, so that whole-day offsets never cross a
 * date boundary differently from what was typed. */
#define FIRST_REVIEW_MS G_GINT64_CONSTANT (1736164800000)

typedef struct
{
  guint  rating;
  gint64 elapsed_ms;
} TypedReview;

static gboolean
parse_elapsed (const char *text,
               gint64     *elapsed_ms)
{
  char *end = NULL;
  gint64 n = g_ascii_strtoll (text, &end, 10);
  gint64 unit;

  if (end == text || n < 0 || n > 100000 || !g_ascii_isdigit (*text))
    return FALSE;
  if (g_str_equal (end, "") || g_str_equal (end, "d"))
    unit = OSL_FSRS_MS_PER_DAY;
  else if (g_str_equal (end, "h"))
    unit = 60 * OSL_FSRS_MS_PER_MINUTE;
  else if (g_str_equal (end, "m"))
    unit = OSL_FSRS_MS_PER_MINUTE;
  else
    return FALSE;
  *elapsed_ms = n * unit;
  return TRUE;
}

static gboolean
parse_review (const char   *text,
              gboolean      fsrs_grades,
              gboolean      first,
              TypedReview  *review,
              GError      **error)
{
  guint max_rating = fsrs_grades ? 4 : 5;
  const char *at = strchr (text, '@');

  review->elapsed_ms = 0;
  if (text[0] < '1' || text[0] > '0' + (int) max_rating || (text[1] != '\0' && text[1] != '@'))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” does not start with a rating from 1 to %u."), text, max_rating);
      return FALSE;
    }
  review->rating = text[0] - '0';
  if (at == NULL && !first)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” needs the time since the previous review, e.g. %c@3d, %c@6h or %c@10m."),
                   text, text[0], text[0], text[0]);
      return FALSE;
    }
  if (at != NULL && !parse_elapsed (at + 1, &review->elapsed_ms))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a time since the previous review: write N or Nd for days, Nh for hours, Nm for minutes."),
                   at + 1);
      return FALSE;
    }
  return TRUE;
}

static void
print_number (GString    *line,
              const char *name,
              double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize length;

  g_ascii_formatd (buffer, sizeof buffer, "%.8f", value);
  length = strlen (buffer);
  while (length > 1 && buffer[length - 1] == '0')
    buffer[--length] = '\0';
  if (buffer[length - 1] == '.')
    buffer[--length] = '\0';
  g_string_append_printf (line, ", \"%s\": %s", name, buffer);
}

static void
print_review (const OslFsrsParams *params,
              const TypedReview   *typed,
              OslFsrsGrade         grade,
              const OslFsrsCard   *before,
              const OslFsrsCard   *after,
              gint64               now)
{
  g_autoptr(GString) line = g_string_new (NULL);
  double r = 0;

  if (before->state != OSL_FSRS_NEW)
    r = osl_fsrs_forgetting_curve (params, after->elapsed_days, before->stability);
  g_string_append_printf (line, "{\"rating\": %u, \"grade\": %d, \"state\": \"%s\"",
                          typed->rating, grade, osl_fsrs_state_to_string (after->state));
  print_number (line, "stability", after->stability);
  print_number (line, "difficulty", after->difficulty);
  print_number (line, "retrievability", r);
  if (after->state == OSL_FSRS_LEARNING || after->state == OSL_FSRS_RELEARNING)
    g_string_append_printf (line, ", \"interval_minutes\": %" PRId64,
                            (after->due - now) / OSL_FSRS_MS_PER_MINUTE);
  else
    g_string_append_printf (line, ", \"interval_days\": %u", after->scheduled_days);
  g_string_append (line, "}\n");
  fputs (line->str, stdout);
}

int
osl_cli_fsrs (int    argc,
              char **argv)
{
  gboolean fsrs_grades = FALSE, no_steps = FALSE, long_term = FALSE;
  double retention = 0.9;
  g_auto(GStrv) reviews = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  OslFsrsParams params;
  OslFsrsCard card;
  gint64 now = FIRST_REVIEW_MS;
  GOptionEntry entries[] = {
    { "fsrs-grades", 0, 0, G_OPTION_ARG_NONE, &fsrs_grades, N_("Ratings are FSRS grades 1–4 (Again, Hard, Good, Easy) instead of the lecture's 1–5"), NULL },
    { "no-steps", 0, 0, G_OPTION_ARG_NONE, &no_steps, N_("No learning or relearning steps"), NULL },
    { "long-term", 0, 0, G_OPTION_ARG_NONE, &long_term, N_("No same-day reviews: every answer gets whole days"), NULL },
    { "retention", 0, 0, G_OPTION_ARG_DOUBLE, &retention, N_("Desired retention, 0.70–0.99 (default 0.9)"), N_("R") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &reviews, NULL, N_("RATING@ELAPSED…") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Replay one new card through FSRS-6. Each review is RATING@ELAPSED: a rating\n"
                                  "1–5 (1, 2 → Again, 3 → Hard, 4 → Good, 5 → Easy) and the time since the\n"
                                  "previous review as N or Nd days, Nh hours or Nm minutes. Reviews start at\n"
                                  "12:00 UTC; interval fuzz is off."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return osl_cli_fail (2, "%s", error->message);
  if (reviews == NULL || reviews[0] == NULL)
    return osl_cli_fail (2, _("fsrs needs at least one review, e.g. “os-lens-cli fsrs 4 4@1d 3@3d”."));

  osl_fsrs_params_init (&params);
  params.enable_short_term = !long_term;
  if (no_steps)
    params.n_learning_steps = params.n_relearning_steps = 0;
  if (!osl_fsrs_params_set_retention (&params, retention, &error))
    return osl_cli_fail (2, "%s", error->message);
  osl_fsrs_card_init (&card, now);

  for (guint i = 0; reviews[i] != NULL; i++)
    {
      TypedReview typed;
      OslFsrsGrade grade;
      OslFsrsCard next;

      if (!parse_review (reviews[i], fsrs_grades, i == 0, &typed, &error))
        return osl_cli_fail (2, "%s", error->message);
      if (i > 0)
        now += typed.elapsed_ms;
      grade = fsrs_grades ? (OslFsrsGrade) typed.rating : osl_fsrs_grade_from_rating (typed.rating);
      osl_fsrs_next (&params, &card, now, grade, &next);
      print_review (&params, &typed, grade, &card, &next, now);
      card = next;
    }
  return 0;
}
