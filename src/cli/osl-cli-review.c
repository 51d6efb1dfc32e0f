/* osl-cli-review.c: os-lens-cli review, the flashcards in a terminal
 *
 * The same session, log and scheduler as the app: answers given here
 * show up there and the other way round. Input is read line by line,
 * so a review can also be scripted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "osl-cli-commands.h"
#include "osl-deck-anki.h"
#include "osl-deck-markup.h"
#include "osl-review-session.h"

static const char * const rating_words[] = {
  NULL, N_("Not at all"), N_("Barely"), N_("Kind of"), N_("Well"), N_("Perfectly"),
};

static void
append_span_cb (const char *text,
                gsize       length,
                gboolean    code,
                gpointer    user_data)
{
  g_string_append_len (user_data, text, length);
}

static void
print_face (const char *text,
            const char *indent)
{
  g_autoptr(GArray) blocks = osl_markup_parse_blocks (text);

  for (guint i = 0; i < blocks->len; i++)
    {
      OslMarkupBlock *block = &g_array_index (blocks, OslMarkupBlock, i);
      g_autoptr(GString) line = g_string_new (indent);

      for (guint level = 0; level < block->level; level++)
        g_string_append (line, "   ");
      if (block->kind == OSL_MARKUP_BULLET)
        g_string_append (line, block->level == 0 ? "• " : "◦ ");
      else if (block->kind == OSL_MARKUP_NUMBERED)
        g_string_append_printf (line, "%u. ", block->number);
      osl_markup_foreach_span (block->text, append_span_cb, line);
      printf ("%s\n", line->str);
    }
}

static char *
read_line (void)
{
  char buffer[256];

  fflush (stdout);
  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;
  return g_strstrip (g_strdup (buffer));
}

static OslDeck *
load_deck (const char  *path,
           GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  gsize length = 0;

  if (g_str_has_suffix (path, ".json"))
    return osl_deck_load (path, error);
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  base = g_path_get_basename (path);
  *strrchr (base, '.') = '\0';
  return osl_deck_anki_parse (data, length, base, error);
}

static char *
default_log_path (OslDeck *deck)
{
  g_autofree char *name = g_strdup_printf ("%s.jsonl", osl_deck_get_id (deck));

  return g_build_filename (g_get_user_data_dir (), "os-lens", "reviews", name, NULL);
}

static void
print_header (OslReviewSession *session,
              gint64            now)
{
  OslReviewCounts counts;

  osl_review_session_get_counts (session, now, &counts);
  printf ("\n");
  printf (_("— due %u · new %u · done %u —"), counts.learning + counts.review, counts.fresh, counts.done);
  printf ("\n");
}

static void
print_choices (OslReviewSession *session,
               guint             card,
               gint64            now)
{
  OslFsrsCard outcomes[6];

  osl_review_session_preview (session, card, now, outcomes);
  printf ("%s\n", _("How well did you know this?"));
  for (guint rating = 1; rating <= 5; rating++)
    {
      g_autofree char *delay = osl_review_format_delay (outcomes[rating].due - now);

      printf ("  %u  %-11s %s\n", rating, _(rating_words[rating]), delay);
    }
  printf ("%s ", _("Rating 1–5, u to undo, q to quit:"));
}

static char *
format_when (gint64 time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%A %d %B, %H:%M");
}

static void
undo (OslReviewSession *session,
      OslReviewLog     *log)
{
  g_autoptr(GError) error = NULL;
  guint undone;

  if (!osl_review_log_undo (log, g_get_real_time () / 1000, &undone, &error))
    {
      printf ("%s\n", error != NULL ? error->message : _("Nothing to undo."));
      return;
    }
  osl_review_session_take_back (session, log, undone);
  printf ("%s\n", _("Undone."));
}

/* At either prompt, q (or the end of the input) quits and u undoes the
 * last rating. Returns TRUE when @input was one of those; @go_on then
 * says whether the review goes on. */
static gboolean
quit_or_undo (OslReviewSession *session,
              OslReviewLog     *log,
              const char       *input,
              gboolean         *go_on)
{
  if (input == NULL || g_str_equal (input, "q"))
    {
      *go_on = FALSE;
      return TRUE;
    }
  if (g_str_equal (input, "u"))
    {
      undo (session, log);
      *go_on = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* One card: question, Enter, answer, rating. Returns FALSE to stop. */
static gboolean
review_card (OslReviewSession *session,
             OslReviewLog     *log,
             guint             index)
{
  OslCard *card = osl_deck_get_card (osl_review_session_get_deck (session), index);
  gint64 now = g_get_real_time () / 1000;
  g_autofree char *input = NULL;
  gboolean go_on;

  print_face (card->front, "  ");
  printf ("%s", _("[Enter shows the answer, u undoes the last rating, q quits] "));
  input = read_line ();
  if (quit_or_undo (session, log, input, &go_on))
    return go_on;
  printf ("\n");
  print_face (card->back, "  ");
  if (card->note != NULL)
    printf ("  %s %s\n", _("Note:"), card->note);
  printf ("\n");
  while (TRUE)
    {
      g_autoptr(GError) error = NULL;
      guint64 rating;

      print_choices (session, index, now);
      g_free (input);
      input = read_line ();
      if (quit_or_undo (session, log, input, &go_on))
        return go_on;
      if (!g_ascii_string_to_unsigned (input, 10, 1, 5, &rating, NULL))
        continue;
      now = g_get_real_time () / 1000;
      if (!osl_review_log_append (log, card->id, now, rating, osl_fsrs_grade_from_rating (rating), &error))
        {
          printf ("%s\n", error->message);
          return FALSE;
        }
      osl_review_session_answer (session, index, now, rating);
      return TRUE;
    }
}

int
osl_cli_review (int    argc,
                char **argv)
{
  g_autofree char *deck_path = NULL, *log_path = NULL;
  gboolean no_fuzz = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OslDeck) deck = NULL;
  g_autoptr(OslReviewLog) log = NULL;
  g_autoptr(OslReviewSession) session = NULL;
  OslFsrsParams params;
  GOptionEntry entries[] = {
    { "deck", 0, 0, G_OPTION_ARG_FILENAME, &deck_path, N_("A deck: .json, or Anki text (.csv, .tsv, .txt)"), N_("FILE") },
    { "log", 0, 0, G_OPTION_ARG_FILENAME, &log_path, N_("The review log (default: the app's, in the user data folder)"), N_("FILE") },
    { "no-fuzz", 0, 0, G_OPTION_ARG_NONE, &no_fuzz, N_("Exact FSRS intervals, without the small random spread"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Review a deck in the terminal with FSRS spaced repetition."));
  g_option_context_set_description (context, _("At each card, Enter shows the answer and 1–5 rates it; "
                                               "u undoes the last rating and q quits at either prompt."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return osl_cli_fail (2, "%s", error->message);
  if (deck_path == NULL)
    return osl_cli_fail (2, _("review needs --deck FILE; see “os-lens-cli review --help”."));
  deck = load_deck (deck_path, &error);
  if (deck == NULL)
    return osl_cli_fail (1, "%s: %s", deck_path, error->message);
  if (log_path == NULL)
    log_path = default_log_path (deck);
  log = osl_review_log_open (log_path, &error);
  if (log == NULL)
    return osl_cli_fail (1, "%s", error->message);
  if (osl_review_log_get_recovery (log) != NULL)
    g_printerr ("%s\n", osl_review_log_get_recovery (log));

  osl_fsrs_params_init (&params);
  params.enable_fuzz = !no_fuzz;
  session = osl_review_session_new (deck, &params);
  osl_review_session_replay (session, log);

  while (TRUE)
    {
      gint64 now = g_get_real_time () / 1000;
      gint card = osl_review_session_next_card (session, now);

      if (card < 0)
        {
          gint64 next = osl_review_session_get_next_due (session, now);
          g_autofree char *when = next < G_MAXINT64 ? format_when (next) : NULL;

          print_header (session, now);
          printf ("%s\n", _("Done for today."));
          if (when != NULL)
            printf (_("The next card is due %s.\n"), when);
          return 0;
        }
      print_header (session, now);
      if (!review_card (session, log, card))
        return 0;
    }
}
