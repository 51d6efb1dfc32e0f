/* osl-flashcards-page.c: review, class quiz, browser and statistics
 *
 * The lecture deck works with no set-up: it ships in the resources, and
 * the learner's copy (edits, added cards, suspensions) and review log
 * live in the user data folder. Every rating is on the disk before the
 * next card shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <math.h>

#include "osl-deck-anki.h"
#include "osl-deck-markup.h"
#include "osl-diagram-view.h"
#include "osl-flashcards-page.h"
#include "osl-flashcards-scene.h"
#include "osl-json-file.h"
#include "osl-page.h"
#include "osl-review-session.h"
#include "osl-review-stats.h"
#include "osl-theme.h"
#include "osl-window.h"

#define LECTURE_DECK_RESOURCE "/io/github/oslens/OSLens/decks/virtualization-containerization.json"
#define LECTURE_DECK_ID       "virtualization-containerization"

/* The review card's type, in points at 100 % zoom in a 1280 × 720
 * window. The zoom's text scale multiplies them, and so does a bigger
 * window (up to 1.8 times), so that a projected card fills the screen
 * the way a full-screen deck app does. */
#define QUESTION_POINTS   26.0
#define ANSWER_POINTS     20.0
#define META_POINTS       11.0
#define NOTE_POINTS       13.0
#define BUTTON_POINTS     15.0
#define NUMBER_POINTS     22.0
#define WORD_POINTS       13.0
#define DELAY_POINTS      11.0
#define DONE_POINTS       26.0
#define REFERENCE_WIDTH   1280.0
#define REFERENCE_HEIGHT  670.0   /* the page in a 1280 × 720 window */
#define MAX_CARD_SCALE    1.8
/* The card column's width at 100 %, before the window's scale. */
#define COLUMN_WIDTH      1000.0

typedef enum
{
  FILTER_ALL,
  FILTER_DUE,
  FILTER_NEW,
  FILTER_STRUGGLING,
  FILTER_SUSPENDED,
} BrowseFilter;

/* At most this many changes to the deck can be undone. */
#define MAX_DECK_UNDO     50

/* A change to the deck that can be undone: the learner's copy as it was
 * on the disk before it, byte for byte, or NULL when there was no copy
 * yet and the lecture deck was shown. */
typedef struct
{
  GBytes *file;
  char   *undo_label;   /* the Undo button's tooltip */
  char   *undone;       /* what the toast says once it is undone */
} DeckChange;

static void
deck_change_free (DeckChange *change)
{
  g_clear_pointer (&change->file, g_bytes_unref);
  g_free (change->undo_label);
  g_free (change->undone);
  g_free (change);
}

/* One row of the browser: a card by its index in the deck. */
#define OSL_TYPE_FLASHCARDS_ROW (osl_flashcards_row_get_type ())
G_DECLARE_FINAL_TYPE (OslFlashcardsRow, osl_flashcards_row, OSL, FLASHCARDS_ROW, GObject)

struct _OslFlashcardsRow
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (OslFlashcardsRow, osl_flashcards_row, G_TYPE_OBJECT)

static void
osl_flashcards_row_class_init (OslFlashcardsRowClass *klass)
{
}

static void
osl_flashcards_row_init (OslFlashcardsRow *self)
{
}

struct _OslFlashcardsPage
{
  GtkWidget          parent_instance;

  OslDeck           *deck;
  char              *deck_path;       /* the learner's copy */
  OslReviewLog      *log;
  OslReviewSession  *session;
  OslFsrsParams      params;
  gint               current;         /* the card under review, or -1 */
  gint               editing;         /* the card in the browser's editor, or -1 */
  gboolean           revealed;
  guint              class_index;
  gboolean           class_revealed;
  char              *pending_message; /* shown once the page is on screen */
  GListStore        *rows;
  GtkFilter         *filter;
  GtkSingleSelection *selection;
  GPtrArray         *deck_changes;    /* of DeckChange, the latest last */
  GtkColumnViewColumn *sort_column;   /* the column the browser sorts by */
  gboolean           clearing_sort;
  GtkWidget         *rating_buttons[6];
  GtkWidget         *rating_numbers[6];
  GtkWidget         *rating_labels[6];
  GtkWidget         *rating_delays[6];
  double             card_scale;      /* how much bigger than at 1280 × 720 */
  int                card_side;       /* the margin either side of the card */
  guint              scale_idle;
  char              *next_due_text;

  /* Template widgets */
  GtkWidget         *root;
  GtkLabel          *counts_label;
  GtkStack          *mode_stack;
  GtkStack          *review_stack;
  GtkWidget         *card_box;
  GtkWidget         *action_bar;
  GtkLabel          *reveal_label;
  GtkWidget         *rating_area;
  GtkLabel          *rating_heading;
  GtkLabel          *done_title;
  GtkLabel          *meta_label;
  GtkLabel          *question_label;
  GtkWidget         *reveal_button;
  GtkWidget         *answer_box;
  GtkLabel          *answer_label;
  GtkLabel          *note_label;
  GtkBox            *rating_box;
  GtkWidget         *explore_button;
  GtkLabel          *explore_label;
  GtkLabel          *next_due_label;
  OslDiagramView    *class_view;
  OslDiagramView    *stats_view;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *filter_dropdown;
  GtkColumnView     *column_view;
  GtkWidget         *editor_box;
  GtkLabel          *editor_title;
  GtkTextView       *front_view;
  GtkTextView       *back_view;
  GtkEntry          *note_entry;
  GtkEntry          *tags_entry;
  GtkCheckButton    *suspended_check;
  GtkLabel          *editor_progress;
  GtkWidget         *undo_change_button;
};

static void osl_flashcards_page_iface_init (OslPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OslFlashcardsPage, osl_flashcards_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (OSL_TYPE_PAGE, osl_flashcards_page_iface_init))

/* The lecture's own words for 1 and 5; 2–4 fill the scale between. */
static const char * const rating_words[] = {
  NULL, N_("Not at all"), N_("Barely"), N_("Kind of"), N_("Well"), N_("Perfectly"),
};

static const char * const rating_tooltips[] = {
  NULL,
  N_("Blank: you did not know it (key 1). Counts as forgotten."),
  N_("Mostly wrong (key 2). Counts as forgotten: a near miss is not a pass."),
  N_("Right, with real effort (key 3): FSRS “Hard”."),
  N_("Right after a moment's thought (key 4, or Space): FSRS “Good”."),
  N_("Instant and sure (key 5): FSRS “Easy”."),
};

static gint64
now_ms (void)
{
  return g_get_real_time () / 1000;
}

static char *
user_file (const char *folder,
           const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "os-lens", folder, name, NULL);
}

static void
show_message (OslFlashcardsPage *self,
              const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL && OSL_IS_WINDOW (root) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    osl_window_show_toast (OSL_WINDOW (root), message);
  else
    {
      g_free (self->pending_message);
      self->pending_message = g_strdup (message);
    }
}

static OslDeck *
load_lecture_deck (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (LECTURE_DECK_RESOURCE, 0, NULL);
  g_autoptr(GError) error = NULL;
  OslDeck *deck;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, osl_deck_new (LECTURE_DECK_ID, _("Lecture deck")));
  data = g_bytes_get_data (bytes, &length);
  deck = osl_deck_parse (data, length, &error);
  if (deck == NULL)
    {
      g_critical ("The built-in deck is broken: %s", error->message);
      return osl_deck_new (LECTURE_DECK_ID, _("Lecture deck"));
    }
  return deck;
}

/* The learner's copy if there is one; a copy that cannot be read is kept
 * aside and the lecture deck takes its place. */
static void
load_deck (OslFlashcardsPage *self)
{
  g_autofree char *name = g_strdup_printf ("%s.json", LECTURE_DECK_ID);
  g_autoptr(GError) error = NULL;

  self->deck_path = user_file ("decks", name);
  if (g_file_test (self->deck_path, G_FILE_TEST_EXISTS))
    {
      self->deck = osl_deck_load (self->deck_path, &error);
      if (self->deck != NULL)
        return;
      {
        g_autofree char *aside = osl_json_file_keep_aside (self->deck_path, NULL);
        g_autofree char *message = g_strdup_printf (_("Your copy of the deck could not be read (%s); it was kept as “%s” and the lecture deck is shown."),
                                                    error->message, aside != NULL ? aside : self->deck_path);

        show_message (self, message);
      }
    }
  self->deck = load_lecture_deck ();
}

static void
load_progress (OslFlashcardsPage *self)
{
  g_autofree char *name = g_strdup_printf ("%s.jsonl", osl_deck_get_id (self->deck));
  g_autofree char *path = user_file ("reviews", name);
  g_autoptr(GError) error = NULL;

  self->log = osl_review_log_open (path, &error);
  if (self->log == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s Answers are not saved in this session."), error->message);

      show_message (self, message);
      self->log = osl_review_log_new_in_memory ();
    }
  else if (osl_review_log_get_recovery (self->log) != NULL)
    show_message (self, osl_review_log_get_recovery (self->log));
  osl_fsrs_params_init (&self->params);
  self->params.enable_fuzz = g_getenv ("OSL_FSRS_NO_FUZZ") == NULL;
  self->session = osl_review_session_new (self->deck, &self->params);
  osl_review_session_replay (self->session, self->log);
}

static gboolean
save_deck (OslFlashcardsPage *self)
{
  g_autofree char *dir = g_path_get_dirname (self->deck_path);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0 || !osl_deck_save (self->deck, self->deck_path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The deck could not be saved: %s"),
                                                  error != NULL ? error->message : g_strerror (errno));
      show_message (self, message);
      return FALSE;
    }
  return TRUE;
}

static void update_undo_change (OslFlashcardsPage *self);
static void undo_change        (OslFlashcardsPage *self);

/* Keeps the deck file as it is now, so that the change about to be made
 * can be undone. A file that cannot be read is not kept, and the change
 * then cannot be undone. */
static void
remember_deck (OslFlashcardsPage *self,
               char              *undo_label,
               char              *undone)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  DeckChange *change;

  if (!g_file_get_contents (self->deck_path, &data, &length, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_free (undo_label);
      g_free (undone);
      return;
    }
  change = g_new0 (DeckChange, 1);
  change->file = data != NULL ? g_bytes_new_take (g_steal_pointer (&data), length) : NULL;
  change->undo_label = undo_label;
  change->undone = undone;
  if (self->deck_changes->len == MAX_DECK_UNDO)
    g_ptr_array_remove_index (self->deck_changes, 0);
  g_ptr_array_add (self->deck_changes, change);
  update_undo_change (self);
}

static void
update_counts (OslFlashcardsPage *self)
{
  OslReviewCounts counts;
  g_autofree char *text = NULL;

  osl_review_session_get_counts (self->session, now_ms (), &counts);
  /* Translators: the header of the review screen; keep the markup. */
  text = g_strdup_printf (_("<b>%u</b> due   <b>%u</b> new   <b>%u</b> done today"),
                          counts.learning + counts.review, counts.fresh, counts.done);
  gtk_label_set_markup (self->counts_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flashcards.undo", osl_review_log_can_undo (self->log));
}

static char *
format_when (gint64 time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now) &&
      g_date_time_get_year (local) == g_date_time_get_year (now))
    return g_date_time_format (local, _("today at %H:%M"));
  return g_date_time_format (local, _("%A %e %B at %H:%M"));
}

static const char *
view_title (const char *view)
{
  if (g_strcmp0 (view, "scheduling") == 0)
    return _("Scheduling");
  if (g_strcmp0 (view, "memory") == 0)
    return _("Memory");
  if (g_strcmp0 (view, "containers") == 0)
    return _("VMs & Containers");
  return _("Flashcards");
}

/* Sets Pango @markup at @points (at 100 % in a 1280 × 720 window). */
static void
set_sized_markup (OslFlashcardsPage *self,
                  GtkLabel          *label,
                  double             points,
                  gboolean           bold,
                  const char        *markup)
{
  g_autofree char *sized = g_strdup_printf ("<span size=\"%d\"%s>%s</span>",
                                            (int) (points * self->card_scale * PANGO_SCALE),
                                            bold ? " weight=\"bold\"" : "", markup);

  gtk_label_set_markup (label, sized);
}

static void
set_sized_text (OslFlashcardsPage *self,
                GtkLabel          *label,
                double             points,
                gboolean           bold,
                const char        *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  set_sized_markup (self, label, points, bold, escaped);
}

/* The current card's faces, at the current size. */
static void
render_card (OslFlashcardsPage *self)
{
  OslCard *card = osl_deck_get_card (self->deck, self->current);
  const OslCardProgress *progress = osl_review_session_get_progress (self->session, self->current);
  g_autofree char *question = osl_flashcards_markup_to_pango (card->front);
  g_autofree char *answer = osl_flashcards_markup_to_pango (card->back);
  g_autofree char *tags = g_strjoinv (" · ", card->tags);
  g_autofree char *meta = NULL, *explore = NULL, *note = NULL;

  meta = card->number > 0
         ? g_strdup_printf (_("Lecture card %u · %s%s"), card->number, tags,
                            progress->first_review == 0 ? _(" · new") : "")
         : g_strdup_printf ("%s%s", tags, progress->first_review == 0 ? _(" · new") : "");
  set_sized_text (self, self->meta_label, META_POINTS, FALSE, meta);
  set_sized_markup (self, self->question_label, QUESTION_POINTS, TRUE, question);
  set_sized_markup (self, self->answer_label, ANSWER_POINTS, FALSE, answer);
  note = card->note != NULL ? g_strdup_printf (_("Note: %s"), card->note) : NULL;
  set_sized_text (self, self->note_label, NOTE_POINTS, FALSE, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  explore = g_strdup_printf (_("Explore this in %s"), view_title (card->link_view));
  set_sized_text (self, self->explore_label, WORD_POINTS, FALSE, explore);
  gtk_widget_set_visible (self->explore_button, card->link_view != NULL &&
                                                !g_str_equal (card->link_view, "flashcards"));
}

static void
show_card (OslFlashcardsPage *self)
{
  render_card (self);
  self->revealed = FALSE;
  gtk_widget_set_visible (self->answer_box, FALSE);
  gtk_widget_set_visible (self->rating_area, FALSE);
  gtk_widget_set_visible (self->reveal_button, TRUE);
  gtk_stack_set_visible_child_name (self->review_stack, "card");
  /* Space then presses "Show Answer", and after it "Well". */
  gtk_widget_grab_focus (self->reveal_button);
}

static void
show_next_card (OslFlashcardsPage *self)
{
  gint64 now = now_ms ();

  self->current = osl_review_session_next_card (self->session, now);
  update_counts (self);
  if (self->current >= 0)
    {
      show_card (self);
      return;
    }
  {
    gint64 next = osl_review_session_get_next_due (self->session, now);
    g_autofree char *when = next < G_MAXINT64 ? format_when (next) : NULL;

    g_free (self->next_due_text);
    self->next_due_text = when != NULL
                          ? g_strdup_printf (_("The next card is due %s. Come back then: spacing the reviews is what makes them stick."), when)
                          : g_strdup (_("Every card is suspended or the deck is empty."));
    set_sized_text (self, self->next_due_label, NOTE_POINTS, FALSE, self->next_due_text);
    gtk_stack_set_visible_child_name (self->review_stack, "done");
  }
}

/* Under each button, when the card would come back. */
static void
show_delays (OslFlashcardsPage *self)
{
  OslFsrsCard outcomes[6];
  gint64 now = now_ms ();

  osl_review_session_preview (self->session, self->current, now, outcomes);
  for (guint rating = 1; rating <= 5; rating++)
    {
      g_autofree char *delay = osl_review_format_delay (outcomes[rating].due - now);

      set_sized_text (self, GTK_LABEL (self->rating_delays[rating]), DELAY_POINTS, FALSE, delay);
    }
}

static void
reveal (OslFlashcardsPage *self)
{
  if (self->current < 0 || self->revealed)
    return;
  self->revealed = TRUE;
  show_delays (self);
  gtk_widget_set_visible (self->reveal_button, FALSE);
  gtk_widget_set_visible (self->answer_box, TRUE);
  gtk_widget_set_visible (self->rating_area, TRUE);
  gtk_widget_grab_focus (self->rating_buttons[4]);
}

static void
rate (OslFlashcardsPage *self,
      guint              rating)
{
  OslCard *card;
  g_autoptr(GError) error = NULL;
  gint64 now = now_ms ();

  if (self->current < 0 || !self->revealed)
    return;
  card = osl_deck_get_card (self->deck, self->current);
  /* On the disk first: if that fails, nothing pretends it was saved. */
  if (!osl_review_log_append (self->log, card->id, now, rating, osl_fsrs_grade_from_rating (rating), &error))
    {
      show_message (self, error->message);
      return;
    }
  osl_review_session_answer (self->session, self->current, now, rating);
  show_next_card (self);
  osl_diagram_view_invalidate (self->stats_view, FALSE);
}

static void
undo (OslFlashcardsPage *self)
{
  g_autoptr(GError) error = NULL;
  guint undone;
  const OslReviewEntry *entry;

  if (!osl_review_log_undo (self->log, now_ms (), &undone, &error))
    {
      if (error != NULL)
        show_message (self, error->message);
      return;
    }
  osl_review_session_take_back (self->session, self->log, undone);
  entry = osl_review_log_get_entry (self->log, undone);
  self->current = osl_deck_index_of (self->deck, osl_review_log_get_card_id (self->log, entry->card));
  update_counts (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "review");
  if (self->current >= 0)
    show_card (self);
  else
    show_next_card (self);
  osl_diagram_view_invalidate (self->stats_view, FALSE);
}

static void
create_rating_buttons (OslFlashcardsPage *self)
{
  for (guint rating = 1; rating <= 5; rating++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      self->rating_numbers[rating] = gtk_label_new (NULL);
      gtk_box_append (GTK_BOX (box), self->rating_numbers[rating]);
      self->rating_labels[rating] = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->rating_labels[rating]), TRUE);
      gtk_label_set_justify (GTK_LABEL (self->rating_labels[rating]), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), self->rating_labels[rating]);
      self->rating_delays[rating] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->rating_delays[rating], "dim-label");
      gtk_box_append (GTK_BOX (box), self->rating_delays[rating]);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, _(rating_tooltips[rating]));
      /* Failures in warm colours, passes in cool ones, and the words say
       * it too. */
      if (rating <= 2)
        gtk_widget_add_css_class (button, "destructive-action");
      else if (rating == 4)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "flashcards.rate");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", rating);
      gtk_box_append (self->rating_box, button);
      self->rating_buttons[rating] = button;
    }
}

/* Every text of the review screen at the current size. */
static void
apply_card_scale (OslFlashcardsPage *self)
{
  for (guint rating = 1; rating <= 5; rating++)
    {
      g_autofree char *number = g_strdup_printf ("%u", rating);

      set_sized_text (self, GTK_LABEL (self->rating_numbers[rating]), NUMBER_POINTS, TRUE, number);
      set_sized_text (self, GTK_LABEL (self->rating_labels[rating]), WORD_POINTS, TRUE, _(rating_words[rating]));
    }
  set_sized_text (self, self->reveal_label, BUTTON_POINTS, TRUE, _("Show Answer"));
  set_sized_text (self, self->rating_heading, WORD_POINTS, TRUE, _("How well did you know this?"));
  set_sized_text (self, self->done_title, DONE_POINTS, TRUE, _("Done for Today"));
  if (self->next_due_text != NULL)
    set_sized_text (self, self->next_due_label, NOTE_POINTS, FALSE, self->next_due_text);
  gtk_widget_set_margin_start (self->card_box, self->card_side);
  gtk_widget_set_margin_end (self->card_box, self->card_side);
  gtk_widget_set_margin_start (self->action_bar, self->card_side);
  gtk_widget_set_margin_end (self->action_bar, self->card_side);
  if (self->current >= 0)
    {
      render_card (self);
      if (self->revealed)
        show_delays (self);
    }
}

static gboolean
apply_card_scale_cb (gpointer user_data)
{
  OslFlashcardsPage *self = user_data;

  self->scale_idle = 0;
  apply_card_scale (self);
  return G_SOURCE_REMOVE;
}

/* The page got a new size, or the zoom changed: the card grows with a
 * bigger window and its column keeps a readable width. The texts change
 * after this allocation, not during it. */
static void
update_card_scale (OslFlashcardsPage *self,
                   int                width,
                   int                height)
{
  double zoom = osl_theme_get_zoom (osl_theme_get_default ());
  double scale = CLAMP (MIN (width / REFERENCE_WIDTH, height / REFERENCE_HEIGHT), 1.0, MAX_CARD_SCALE);
  int side = MAX (24, (width - (int) (COLUMN_WIDTH * scale * zoom)) / 2);

  if (fabs (scale - self->card_scale) < 0.02 && side == self->card_side)
    return;
  self->card_scale = scale;
  self->card_side = side;
  if (self->scale_idle == 0)
    self->scale_idle = g_idle_add (apply_card_scale_cb, self);
}

static void
page_measure (GtkWidget      *widget,
              GtkOrientation  orientation,
              int             for_size,
              int            *minimum,
              int            *natural,
              int            *minimum_baseline,
              int            *natural_baseline)
{
  gtk_widget_measure (OSL_FLASHCARDS_PAGE (widget)->root, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
page_allocate (GtkWidget *widget,
               int        width,
               int        height,
               int        baseline)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (widget);

  gtk_widget_allocate (self->root, width, height, baseline, NULL);
  update_card_scale (self, width, height);
}

static gboolean
typing_in_a_field (OslFlashcardsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus) || GTK_IS_TEXT (focus));
}

static gboolean
in_review (OslFlashcardsPage *self)
{
  return gtk_widget_get_mapped (GTK_WIDGET (self)) && !typing_in_a_field (self) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "review") == 0;
}

static gboolean
rating_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (widget);

  if (!in_review (self) || !self->revealed)
    return FALSE;
  rate (self, g_variant_get_uint32 (args));
  return TRUE;
}

static gboolean
undo_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (widget);

  if (!gtk_widget_get_mapped (widget) || typing_in_a_field (self))
    return FALSE;
  /* In the browser, the deck's changes come first; elsewhere, answers. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "browse") == 0 &&
      self->deck_changes->len > 0)
    undo_change (self);
  else if (osl_review_log_can_undo (self->log))
    undo (self);
  else
    return FALSE;
  return TRUE;
}

static gboolean
explore_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (widget);

  if (!in_review (self) || !self->revealed || !gtk_widget_get_visible (self->explore_button))
    return FALSE;
  gtk_widget_activate_action (widget, "flashcards.explore", NULL);
  return TRUE;
}

static void
add_shortcuts (OslFlashcardsPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Global scope: the keys work wherever the focus is in the window, and
   * the callbacks decline unless this page is showing a card. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint rating = 1; rating <= 5; rating++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (GDK_KEY_0 + rating, 0);
      GtkShortcutAction *action = gtk_callback_action_new (rating_key_cb, NULL, NULL);
      GtkShortcut *shortcut = gtk_shortcut_new (trigger, action);

      gtk_shortcut_set_arguments (shortcut, g_variant_new_uint32 (rating));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
      trigger = gtk_keyval_trigger_new (GDK_KEY_KP_0 + rating, 0);
      shortcut = gtk_shortcut_new (trigger, gtk_callback_action_new (rating_key_cb, NULL, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_uint32 (rating));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (undo_key_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_e, 0),
                                                          gtk_callback_action_new (explore_key_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Class mode ---------------------------------------------------------- */

static OslScene *
build_class_scene (double   width,
                   double   height,
                   gpointer user_data)
{
  OslFlashcardsPage *self = user_data;
  guint n = osl_deck_get_n_cards (self->deck);

  if (n == 0)
    return osl_scene_new (width, height, _("Class quiz"));
  return osl_flashcards_card_scene (osl_deck_get_card (self->deck, self->class_index % n),
                                    self->class_index % n + 1, n, self->class_revealed, width, height);
}

static void
class_move (OslFlashcardsPage *self,
            gint               delta)
{
  guint n = osl_deck_get_n_cards (self->deck);

  if (n == 0)
    return;
  self->class_index = (self->class_index + n + delta) % n;
  self->class_revealed = FALSE;
  osl_diagram_view_invalidate (self->class_view, FALSE);
}

static void
class_reveal (OslFlashcardsPage *self)
{
  self->class_revealed = !self->class_revealed;
  osl_diagram_view_invalidate (self->class_view, TRUE);
}

static void
class_pressed_cb (GtkGestureClick   *gesture,
                  int                n_press,
                  double             x,
                  double             y,
                  OslFlashcardsPage *self)
{
  /* A click anywhere on the card reveals it, not only on the chip. */
  if (!self->class_revealed)
    class_reveal (self);
}

/* Statistics ---------------------------------------------------------- */

static OslScene *
build_stats_scene (double   width,
                   double   height,
                   gpointer user_data)
{
  OslFlashcardsPage *self = user_data;
  OslReviewStats stats;

  osl_review_stats_compute (&stats, self->session, self->log, now_ms ());
  return osl_flashcards_stats_scene (&stats, osl_deck_get_title (self->deck), width, height);
}

/* Browse -------------------------------------------------------------- */

static const OslCardProgress *
row_progress (OslFlashcardsPage *self,
              gpointer           item)
{
  return osl_review_session_get_progress (self->session, OSL_FLASHCARDS_ROW (item)->index);
}

static OslCard *
row_card (OslFlashcardsPage *self,
          gpointer           item)
{
  return osl_deck_get_card (self->deck, OSL_FLASHCARDS_ROW (item)->index);
}

static double
row_recall (OslFlashcardsPage *self,
            gpointer           item)
{
  const OslCardProgress *progress = row_progress (self, item);

  if (progress->first_review == 0)
    return -1;
  return osl_fsrs_get_retrievability (&self->params, &progress->fsrs, now_ms ());
}

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_QUESTION,
  COLUMN_TAGS,
  COLUMN_DUE,
  COLUMN_STABILITY,
  COLUMN_RECALL,
  COLUMN_LAPSES,
  N_COLUMNS
} Column;

static char *
cell_text (OslFlashcardsPage *self,
           gpointer           item,
           Column             column)
{
  OslCard *card = row_card (self, item);
  const OslCardProgress *progress = row_progress (self, item);
  gboolean seen = progress->first_review != 0;

  switch (column)
    {
    case COLUMN_NUMBER:
      return card->number > 0 ? g_strdup_printf ("%u", card->number) : g_strdup ("+");
    case COLUMN_QUESTION:
      {
        g_autofree char *plain = osl_markup_to_plain (card->front);

        return g_strdelimit (g_steal_pointer (&plain), "\n", ' ');
      }
    case COLUMN_TAGS:
      return g_strjoinv (" ", card->tags);
    case COLUMN_DUE:
      if (card->suspended)
        return g_strdup (_("suspended"));
      if (!seen)
        return g_strdup (_("new"));
      return progress->fsrs.due <= now_ms () ? g_strdup (_("now")) : osl_review_format_delay (progress->fsrs.due - now_ms ());
    case COLUMN_STABILITY:
      return seen ? g_strdup_printf (_("%.1f d"), progress->fsrs.stability) : g_strdup ("–");
    case COLUMN_RECALL:
      return seen ? g_strdup_printf ("%.0f %%", 100 * row_recall (self, item)) : g_strdup ("–");
    case COLUMN_LAPSES:
      return g_strdup_printf ("%u", progress->fsrs.lapses);
    case N_COLUMNS:
    default:
      return g_strdup ("");
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_QUESTION || column == COLUMN_TAGS ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column >= COLUMN_STABILITY)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  OslFlashcardsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  Column column = GPOINTER_TO_UINT (user_data);
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static double
sort_key (OslFlashcardsPage *self,
          gpointer           item,
          Column             column)
{
  OslCard *card = row_card (self, item);
  const OslCardProgress *progress = row_progress (self, item);
  gboolean seen = progress->first_review != 0;

  switch (column)
    {
    case COLUMN_NUMBER:
      return card->number > 0 ? card->number : 10000 + OSL_FLASHCARDS_ROW (item)->index;
    case COLUMN_DUE:
      return card->suspended ? G_MAXDOUBLE : seen ? (double) progress->fsrs.due : G_MAXDOUBLE / 2;
    case COLUMN_STABILITY:
      return seen ? progress->fsrs.stability : -1;
    case COLUMN_RECALL:
      return row_recall (self, item);
    case COLUMN_LAPSES:
      return progress->fsrs.lapses;
    case COLUMN_QUESTION:
    case COLUMN_TAGS:
    case N_COLUMNS:
    default:
      return 0;
    }
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  GtkSorter *sorter = user_data;
  OslFlashcardsPage *self = g_object_get_data (G_OBJECT (sorter), "page");
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sorter), "column"));
  double x, y;

  if (column == COLUMN_QUESTION || column == COLUMN_TAGS)
    {
      g_autofree char *s = cell_text (self, (gpointer) a, column);
      g_autofree char *t = cell_text (self, (gpointer) b, column);

      return g_utf8_collate (s, t);
    }
  x = sort_key (self, (gpointer) a, column);
  y = sort_key (self, (gpointer) b, column);
  return (x > y) - (x < y);
}

static gboolean
row_matches (OslFlashcardsPage *self,
             gpointer           item)
{
  OslCard *card = row_card (self, item);
  const OslCardProgress *progress = row_progress (self, item);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  BrowseFilter filter = gtk_drop_down_get_selected (self->filter_dropdown);

  switch (filter)
    {
    case FILTER_DUE:
      if (card->suspended || progress->first_review == 0 || progress->fsrs.due > now_ms ())
        return FALSE;
      break;
    case FILTER_NEW:
      if (progress->first_review != 0)
        return FALSE;
      break;
    case FILTER_STRUGGLING:
      if (progress->first_review == 0 || row_recall (self, item) >= 0.7)
        return FALSE;
      break;
    case FILTER_SUSPENDED:
      if (!card->suspended)
        return FALSE;
      break;
    case FILTER_ALL:
    default:
      break;
    }
  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);
      g_autofree char *tags = g_strjoinv (" ", card->tags);
      g_autofree char *hay = g_strconcat (card->front, "\n", card->back, "\n", tags, "\n",
                                          card->note != NULL ? card->note : "", NULL);
      g_autofree char *folded = g_utf8_casefold (hay, -1);

      return strstr (folded, needle) != NULL;
    }
  return TRUE;
}

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  return row_matches (user_data, item);
}

static void
refilter (OslFlashcardsPage *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
add_column (OslFlashcardsPage *self,
            Column             column,
            const char        *title,
            gboolean           expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSorter *sorter;
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (column));
  sorter = GTK_SORTER (gtk_custom_sorter_new (NULL, NULL, NULL));
  gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), compare_rows_cb, sorter, NULL);
  g_object_set_data (G_OBJECT (sorter), "page", self);
  g_object_set_data (G_OBJECT (sorter), "column", GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (sorter);
  g_object_unref (view_column);
}

static void
fill_rows (OslFlashcardsPage *self)
{
  guint n = osl_deck_get_n_cards (self->deck);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i < n; i++)
    {
      OslFlashcardsRow *row = g_object_new (OSL_TYPE_FLASHCARDS_ROW, NULL);

      row->index = i;
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (self->rows, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), 0,
                       rows->pdata, rows->len);
}

static gint
selected_card (OslFlashcardsPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? (gint) OSL_FLASHCARDS_ROW (item)->index : -1;
}

static void
text_view_set (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Card @index as the editor shows it, or NULL (and a message) when the
 * question or the answer is empty. */
static OslCard *
card_from_editor (OslFlashcardsPage *self,
                  gint               index)
{
  OslCard *card;
  g_autofree char *front = g_strstrip (text_view_get (self->front_view));
  g_autofree char *back = g_strstrip (text_view_get (self->back_view));
  g_auto(GStrv) words = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)), " ", -1);
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  if (*front == '\0' || *back == '\0')
    {
      show_message (self, _("A card needs a question and an answer."));
      return NULL;
    }
  card = osl_card_copy (osl_deck_get_card (self->deck, index));
  g_free (card->front);
  card->front = g_steal_pointer (&front);
  g_free (card->back);
  card->back = g_steal_pointer (&back);
  g_free (card->note);
  card->note = *note != '\0' ? g_strdup (note) : NULL;
  /* Drop empty words from doubled spaces. */
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (tags, words[i]);
  g_strfreev (card->tags);
  card->tags = g_strv_builder_end (tags);
  card->suspended = gtk_check_button_get_active (self->suspended_check);
  return card;
}

static gboolean
card_differs (const OslCard *a,
              const OslCard *b)
{
  return g_strcmp0 (a->front, b->front) != 0 || g_strcmp0 (a->back, b->back) != 0 ||
         g_strcmp0 (a->note, b->note) != 0 || !g_strv_equal ((const char * const *) a->tags, (const char * const *) b->tags) ||
         a->suspended != b->suspended;
}

/* Puts @card (taken) in place of card @index, on the disk first. */
static void
store_card (OslFlashcardsPage *self,
            gint               index,
            OslCard           *card)
{
  remember_deck (self, g_strdup (_("Undo the edit of this card (Ctrl+Z)")),
                 g_strdup (_("The card is as it was before the edit.")));
  osl_deck_replace_card (self->deck, index, card);
  if (save_deck (self))
    show_message (self, _("Card saved."));
  g_list_model_items_changed (G_LIST_MODEL (self->rows), index, 1, 1);
  update_counts (self);
  /* A card suspended while under review leaves the review at once. */
  if (self->current == index)
    {
      if (card->suspended)
        show_next_card (self);
      else
        show_card (self);
    }
}

/* Leaving the editor (another card, another mode, closing the app)
 * keeps what was typed, as a GNOME editor saves without asking; an
 * emptied question or answer is refused with a message, as Save does. */
static void
keep_editor_changes (OslFlashcardsPage *self)
{
  OslCard *edited;

  if (self->editing < 0)
    return;
  edited = card_from_editor (self, self->editing);
  if (edited != NULL && card_differs (edited, osl_deck_get_card (self->deck, self->editing)))
    store_card (self, self->editing, edited);
  else
    g_clear_pointer (&edited, osl_card_free);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      OslFlashcardsPage  *self)
{
  gint index = selected_card (self);
  OslCard *card;
  const OslCardProgress *progress;
  g_autofree char *title = NULL, *tags = NULL, *progress_text = NULL;

  if (self->editing != index)
    keep_editor_changes (self);
  self->editing = index;
  /* The editor takes room only while a card is selected. */
  gtk_widget_set_visible (gtk_widget_get_ancestor (self->editor_box, GTK_TYPE_SCROLLED_WINDOW), index >= 0);
  if (index < 0)
    return;
  card = osl_deck_get_card (self->deck, index);
  progress = osl_review_session_get_progress (self->session, index);
  title = card->number > 0 ? g_strdup_printf (_("Lecture card %u"), card->number) : g_strdup (_("Your card"));
  gtk_label_set_text (self->editor_title, title);
  text_view_set (self->front_view, card->front);
  text_view_set (self->back_view, card->back);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), card->note != NULL ? card->note : "");
  tags = g_strjoinv (" ", card->tags);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), tags);
  gtk_check_button_set_active (self->suspended_check, card->suspended);
  progress_text = progress->first_review == 0
                  ? g_strdup (_("Not answered yet."))
                  : g_strdup_printf (_("%u answers, %u lapses; stability %.1f days, difficulty %.1f of 10."),
                                     progress->fsrs.reps, progress->fsrs.lapses,
                                     progress->fsrs.stability, progress->fsrs.difficulty);
  gtk_label_set_text (self->editor_progress, progress_text);
}

static void
save_card (OslFlashcardsPage *self)
{
  OslCard *card;

  if (self->editing < 0)
    return;
  card = card_from_editor (self, self->editing);
  if (card != NULL)
    store_card (self, self->editing, card);
}

static void
scroll_list_to (OslFlashcardsPage *self,
                guint              position)
{
  for (GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); list != NULL;
       list = gtk_widget_get_next_sibling (list))
    if (position < g_list_model_get_n_items (G_LIST_MODEL (self->selection)) &&
        g_str_equal (gtk_widget_get_css_name (list), "listview"))
      gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

static void
add_card (OslFlashcardsPage *self)
{
  g_autofree char *stamp = g_strdup_printf ("%" PRId64, g_get_real_time ());
  g_autofree char *id = osl_deck_make_card_id (self->deck, stamp);
  OslCard *card = osl_card_new (id, _("New question"), _("Answer"));
  guint n;

  remember_deck (self, g_strdup (_("Undo adding a card (Ctrl+Z)")), g_strdup (_("The added card is removed.")));
  osl_deck_add_card (self->deck, card);
  osl_review_session_card_added (self->session);
  save_deck (self);
  fill_rows (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "browse");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->filter_dropdown, FILTER_ALL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OslFlashcardsRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (row->index == osl_deck_get_n_cards (self->deck) - 1)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_list_to (self, i);
        }
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->front_view));
  update_counts (self);
}

static void
update_undo_change (OslFlashcardsPage *self)
{
  gboolean any = self->deck_changes->len > 0;
  DeckChange *last = any ? g_ptr_array_index (self->deck_changes, self->deck_changes->len - 1) : NULL;

  /* The button shows only while there is a change to take back. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flashcards.undo-change", any);
  gtk_widget_set_visible (self->undo_change_button, any);
  gtk_widget_set_tooltip_text (self->undo_change_button, any ? last->undo_label : NULL);
}

/* Puts the deck file back as @file holds it, or removes the copy when
 * there was none. */
static gboolean
restore_deck_file (OslFlashcardsPage  *self,
                   GBytes             *file,
                   GError            **error)
{
  if (file == NULL)
    {
      if (g_unlink (self->deck_path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }
  return g_file_set_contents_full (self->deck_path, g_bytes_get_data (file, NULL), g_bytes_get_size (file),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, error);
}

/* Shows @deck (taken) in place of the current one. The card states are
 * rebuilt from the review log, which nothing here changes. */
static void
replace_deck (OslFlashcardsPage *self,
              OslDeck           *deck)
{
  guint n = osl_deck_get_n_cards (deck);
  guint listed = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  g_clear_pointer (&self->session, osl_review_session_free);
  osl_deck_free (self->deck);
  self->deck = deck;
  self->session = osl_review_session_new (self->deck, &self->params);
  osl_review_session_replay (self->session, self->log);
  /* The editor shows the restored card, not what it held before. */
  self->editing = -1;
  if (listed > n)
    g_list_store_splice (self->rows, n, listed - n, NULL, 0);
  fill_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self->rows), 0, n, n);
  selection_changed_cb (self->selection, NULL, self);
  if (self->current >= (gint) n || !self->revealed)
    show_next_card (self);
  else
    render_card (self);
  update_counts (self);
  osl_diagram_view_invalidate (self->class_view, FALSE);
  osl_diagram_view_invalidate (self->stats_view, FALSE);
}

/* Takes back the latest import, edit or added card: the deck file is
 * again what it was, byte for byte. */
static void
undo_change (OslFlashcardsPage *self)
{
  DeckChange *change;
  g_autoptr(GError) error = NULL;
  OslDeck *deck;

  /* Typing not yet kept is the latest change: it is what goes. */
  keep_editor_changes (self);
  if (self->deck_changes->len == 0)
    return;
  change = g_ptr_array_index (self->deck_changes, self->deck_changes->len - 1);
  if (change->file != NULL)
    deck = osl_deck_parse (g_bytes_get_data (change->file, NULL), g_bytes_get_size (change->file), &error);
  else
    deck = load_lecture_deck ();
  if (deck == NULL || !restore_deck_file (self, change->file, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The change could not be undone: %s"), error->message);

      g_clear_pointer (&deck, osl_deck_free);
      show_message (self, message);
      return;
    }
  replace_deck (self, deck);
  show_message (self, change->undone);
  g_ptr_array_remove_index (self->deck_changes, self->deck_changes->len - 1);
  update_undo_change (self);
}

/* Whether the column view's sorter sorts by @column: it listens to the
 * sorters of the columns it sorts by, and to no others. */
static gboolean
column_sorts (GtkColumnViewColumn *column)
{
  return g_signal_has_handler_pending (gtk_column_view_column_get_sorter (column),
                                       g_signal_lookup ("changed", GTK_TYPE_SORTER), 0, FALSE);
}

/* The column the list is sorted by now: a click on a title puts its
 * column before the one that sorted so far; clicking that one again, or
 * choosing one in code, leaves a single column. */
static GtkColumnViewColumn *
find_sort_column (OslFlashcardsPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  GtkColumnViewColumn *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (column_sorts (column) && (found == NULL || column != self->sort_column))
        found = column;
    }
  return found;
}

/* GTK 4.8 redraws only the title it sorts by, so every title clicked
 * before keeps its arrow, and a click keeps the old column as a second
 * key. Setting the other columns' sorters again drops them from the
 * sort and redraws their titles without an arrow: one column sorts, and
 * its title alone shows the direction. Ties keep the deck's order. */
static void
clear_other_sort_columns (OslFlashcardsPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  self->sort_column = find_sort_column (self);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkSorter) sorter = g_object_ref (gtk_column_view_column_get_sorter (column));

      if (column == self->sort_column)
        continue;
      gtk_column_view_column_set_sorter (column, NULL);
      gtk_column_view_column_set_sorter (column, sorter);
    }
}

/* A new order starts from its top: the list would otherwise keep the row
 * that was first on screen in place, with the new first rows above it. */
static void
sort_changed_cb (GtkSorter         *sorter,
                 GtkSorterChange    change,
                 OslFlashcardsPage *self)
{
  if (self->clearing_sort)
    return;
  self->clearing_sort = TRUE;
  clear_other_sort_columns (self);
  self->clearing_sort = FALSE;
  scroll_list_to (self, 0);
}

static void
setup_browser (OslFlashcardsPage *self)
{
  const char *filters[] = { _("All cards"), _("Due now"), _("New"), _("Struggling (recall < 70 %)"), _("Suspended"), NULL };
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  self->rows = g_list_store_new (OSL_TYPE_FLASHCARDS_ROW);
  fill_rows (self);
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (gtk_string_list_new (filters)));
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_row_cb, self, NULL));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)), g_object_ref (self->filter));
  add_column (self, COLUMN_NUMBER, _("#"), FALSE);
  add_column (self, COLUMN_QUESTION, _("Question"), TRUE);
  add_column (self, COLUMN_TAGS, _("Tags"), FALSE);
  add_column (self, COLUMN_DUE, _("Due"), FALSE);
  add_column (self, COLUMN_STABILITY, _("Stability"), FALSE);
  add_column (self, COLUMN_RECALL, _("Recall"), FALSE);
  add_column (self, COLUMN_LAPSES, _("Lapses"), FALSE);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  selection_changed_cb (self->selection, NULL, self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->filter_dropdown, "notify::selected", G_CALLBACK (refilter), self);
}

static void
mode_changed_cb (GtkStack          *stack,
                 GParamSpec        *pspec,
                 OslFlashcardsPage *self)
{
  const char *mode = gtk_stack_get_visible_child_name (stack);

  if (g_strcmp0 (mode, "browse") != 0)
    keep_editor_changes (self);
  /* Due times and recall move on with the clock; refresh what is shown. */
  if (g_strcmp0 (mode, "browse") == 0)
    g_list_model_items_changed (G_LIST_MODEL (self->rows), 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                                g_list_model_get_n_items (G_LIST_MODEL (self->rows)));
  else if (g_strcmp0 (mode, "statistics") == 0)
    osl_diagram_view_invalidate (self->stats_view, FALSE);
  else if (g_strcmp0 (mode, "review") == 0 && (self->current < 0 || !self->revealed))
    show_next_card (self);
}

/* Actions -------------------------------------------------------------- */

static void
reveal_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  reveal (OSL_FLASHCARDS_PAGE (widget));
}

static void
rate_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  guint rating = g_variant_get_uint32 (parameter);

  if (rating >= 1 && rating <= 5)
    rate (OSL_FLASHCARDS_PAGE (widget), rating);
}

static void
mode_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (widget);
  const char *mode = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->mode_stack, mode) != NULL)
    gtk_stack_set_visible_child_name (self->mode_stack, mode);
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  undo (OSL_FLASHCARDS_PAGE (widget));
}

static void
explore_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  OslCard *card;

  if (self->current < 0 || root == NULL || !OSL_IS_WINDOW (root))
    return;
  card = osl_deck_get_card (self->deck, self->current);
  if (card->link_view != NULL)
    osl_window_explore (OSL_WINDOW (root), card->link_view, card->link_state);
}

static void
class_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (widget);

  if (g_str_equal (name, "flashcards.class-next"))
    class_move (self, 1);
  else if (g_str_equal (name, "flashcards.class-previous"))
    class_move (self, -1);
  else
    class_reveal (self);
}

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  add_card (OSL_FLASHCARDS_PAGE (widget));
}

static void
undo_change_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  undo_change (OSL_FLASHCARDS_PAGE (widget));
}

static void
save_card_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  save_card (OSL_FLASHCARDS_PAGE (widget));
}

/* OslPage -------------------------------------------------------------- */

static const char *
current_mode (OslFlashcardsPage *self)
{
  return gtk_stack_get_visible_child_name (self->mode_stack);
}

static void
osl_flashcards_page_step_forward (OslPage *page)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (page);

  if (g_strcmp0 (current_mode (self), "class") == 0)
    class_move (self, 1);
  else if (g_strcmp0 (current_mode (self), "review") == 0 && !self->revealed)
    reveal (self);
}

static void
osl_flashcards_page_step_back (OslPage *page)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (page);

  if (g_strcmp0 (current_mode (self), "class") == 0)
    class_move (self, -1);
}

/* Space: reveal; on a revealed card, Space means "Well" (4), as in Anki. */
static void
osl_flashcards_page_play_pause (OslPage *page)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (page);

  if (g_strcmp0 (current_mode (self), "class") == 0)
    class_reveal (self);
  else if (g_strcmp0 (current_mode (self), "review") == 0)
    {
      if (!self->revealed)
        reveal (self);
      else
        rate (self, 4);
    }
}

static void
osl_flashcards_page_restart (OslPage *page)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (page);

  if (g_strcmp0 (current_mode (self), "class") == 0)
    class_move (self, -(gint) self->class_index);
}

static OslScene *
osl_flashcards_page_build_scene (OslPage *page,
                                 double   width,
                                 double   height)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (page);

  if (g_strcmp0 (current_mode (self), "class") == 0)
    return build_class_scene (width, height, self);
  return build_stats_scene (width, height, self);
}

static gboolean
osl_flashcards_page_open_file (OslPage  *page,
                               GFile    *file,
                               GError  **error)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (page);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *data = NULL;
  g_autofree char *message = NULL;
  g_autoptr(OslDeck) imported = NULL;
  gsize length = 0;
  guint added;

  if (path == NULL || !g_file_get_contents (path, &data, &length, error))
    return FALSE;
  /* An exported log is a backup of answers, not cards: read as Anki
   * text it would only fail on its quotes. */
  if (g_str_has_suffix (path, ".jsonl") || strstr (data, "\"" OSL_REVIEW_LOG_FORMAT "\"") != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This is a review log; only decks (JSON, or Anki text as CSV, TSV or TXT) can be imported."));
      return FALSE;
    }
  if (g_str_has_suffix (path, ".json"))
    imported = osl_deck_parse (data, length, error);
  else
    imported = osl_deck_anki_parse (data, length, "imported", error);
  if (imported == NULL)
    return FALSE;
  {
    g_autofree char *name = g_file_get_basename (file);

    remember_deck (self, g_strdup_printf (_("Undo the import of “%s” (Ctrl+Z)"), name),
                   g_strdup_printf (_("The import of “%s” is undone; the deck is as it was before."), name));
  }
  added = osl_deck_merge (self->deck, imported);
  osl_review_session_card_added (self->session);
  if (!save_deck (self))
    return TRUE;
  fill_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self->rows), 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                              g_list_model_get_n_items (G_LIST_MODEL (self->rows)));
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u card; %u new.", "Imported %u cards; %u new.",
                                          osl_deck_get_n_cards (imported)),
                             osl_deck_get_n_cards (imported), added);
  /* Imported cards replace those with the same id, edits included. */
  {
    g_autofree char *hint = g_strdup_printf ("%s %s", message, _("Ctrl+Z undoes the import."));

    show_message (self, hint);
  }
  update_counts (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "browse");
  /* On the list, not in a text field, Ctrl+Z reaches the page. */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return TRUE;
}

/* Save As: the deck as JSON (.json) or Anki text (.tsv, .txt, .csv), or
 * the review log (.jsonl). */
static gboolean
osl_flashcards_page_save_file (OslPage  *page,
                               GFile    *file,
                               GError  **error)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (page);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *data = NULL;
  gsize length = 0;

  if (path == NULL)
    return FALSE;
  if (g_str_has_suffix (path, ".jsonl"))
    data = osl_review_log_export (self->log, &length);
  else if (g_str_has_suffix (path, ".tsv") || g_str_has_suffix (path, ".txt") || g_str_has_suffix (path, ".csv"))
    {
      data = osl_deck_anki_export (self->deck);
      length = strlen (data);
    }
  else
    data = osl_deck_to_json (self->deck, &length);
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, error);
}

static void
osl_flashcards_page_iface_init (OslPageInterface *iface)
{
  iface->step_forward = osl_flashcards_page_step_forward;
  iface->step_back = osl_flashcards_page_step_back;
  iface->play_pause = osl_flashcards_page_play_pause;
  iface->restart = osl_flashcards_page_restart;
  iface->build_scene = osl_flashcards_page_build_scene;
  iface->open_file = osl_flashcards_page_open_file;
  iface->save_file = osl_flashcards_page_save_file;
}

/* GObject -------------------------------------------------------------- */

static void
osl_flashcards_page_map (GtkWidget *widget)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (widget);
  g_autofree char *message = NULL;

  GTK_WIDGET_CLASS (osl_flashcards_page_parent_class)->map (widget);
  message = g_steal_pointer (&self->pending_message);
  if (message != NULL)
    show_message (self, message);
  if (self->current < 0 || !self->revealed)
    show_next_card (self);
}

static void
osl_flashcards_page_dispose (GObject *object)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (object);

  g_clear_handle_id (&self->scale_idle, g_source_remove);
  /* The columns go with the template, and their sorters say so. */
  if (self->column_view != NULL)
    {
      keep_editor_changes (self);
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), OSL_TYPE_FLASHCARDS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (osl_flashcards_page_parent_class)->dispose (object);
}

static void
osl_flashcards_page_finalize (GObject *object)
{
  OslFlashcardsPage *self = OSL_FLASHCARDS_PAGE (object);

  g_clear_pointer (&self->session, osl_review_session_free);
  g_clear_pointer (&self->log, osl_review_log_free);
  g_clear_pointer (&self->deck, osl_deck_free);
  g_free (self->deck_path);
  g_free (self->pending_message);
  g_free (self->next_due_text);
  g_ptr_array_unref (self->deck_changes);
  G_OBJECT_CLASS (osl_flashcards_page_parent_class)->finalize (object);
}

static void
osl_flashcards_page_class_init (OslFlashcardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = osl_flashcards_page_dispose;
  object_class->finalize = osl_flashcards_page_finalize;
  widget_class->map = osl_flashcards_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/oslens/OSLens/ui/osl-flashcards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, root);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, review_stack);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, card_box);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, action_bar);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, reveal_label);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, rating_area);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, rating_heading);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, done_title);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, question_label);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, answer_box);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, answer_label);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, rating_box);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, explore_button);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, explore_label);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, next_due_label);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, class_view);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, stats_view);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, editor_title);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, front_view);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, back_view);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, note_entry);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, tags_entry);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, suspended_check);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, editor_progress);
  gtk_widget_class_bind_template_child (widget_class, OslFlashcardsPage, undo_change_button);

  gtk_widget_class_install_action (widget_class, "flashcards.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "flashcards.rate", "u", rate_action);
  gtk_widget_class_install_action (widget_class, "flashcards.mode", "s", mode_action);
  gtk_widget_class_install_action (widget_class, "flashcards.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "flashcards.explore", NULL, explore_action);
  gtk_widget_class_install_action (widget_class, "flashcards.class-next", NULL, class_action);
  gtk_widget_class_install_action (widget_class, "flashcards.class-previous", NULL, class_action);
  gtk_widget_class_install_action (widget_class, "flashcards.class-reveal", NULL, class_action);
  gtk_widget_class_install_action (widget_class, "flashcards.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "flashcards.save-card", NULL, save_card_action);
  gtk_widget_class_install_action (widget_class, "flashcards.undo-change", NULL, undo_change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "flashcards.add", NULL);

  g_type_ensure (OSL_TYPE_DIAGRAM_VIEW);
}

static void
osl_flashcards_page_init (OslFlashcardsPage *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, page_measure, page_allocate));
  self->current = -1;
  self->editing = -1;
  self->card_scale = 1.0;
  self->card_side = 140;
  self->deck_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) deck_change_free);
  load_deck (self);
  load_progress (self);
  create_rating_buttons (self);
  apply_card_scale (self);
  add_shortcuts (self);
  setup_browser (self);
  update_undo_change (self);

  osl_diagram_view_set_builder (self->class_view, build_class_scene, self, NULL);
  osl_diagram_view_set_builder (self->stats_view, build_stats_scene, self, NULL);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (class_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->class_view), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (self->mode_stack, "notify::visible-child", G_CALLBACK (mode_changed_cb), self);
  show_next_card (self);
}

GtkWidget *
osl_flashcards_page_new (void)
{
  return g_object_new (OSL_TYPE_FLASHCARDS_PAGE, NULL);
}
