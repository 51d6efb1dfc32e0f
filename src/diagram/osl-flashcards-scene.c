/* osl-flashcards-scene.c: statistics and class-mode cards as scenes
 *
 * The statistics are drawn as a scene so that they export to PNG, SVG
 * and PDF like every other diagram: a Brainscape-like mastery bar (cards
 * by their current recall probability), a heatmap of answers per day,
 * the due forecast, true retention and the streak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-deck-markup.h"
#include "osl-flashcards-scene.h"
#include "osl-painter.h"

#define MARGIN 40.0

typedef struct
{
  OslColor    color;
  OslPattern  pattern;
  const char *name;
  const char *meaning;
} MasteryStyle;

/* Each level has a pattern as well as a colour, and a word. */
static const MasteryStyle mastery_styles[OSL_N_MASTERY_LEVELS] = {
  { OSL_COLOR_SURFACE, OSL_PATTERN_DOTS, N_("New"), N_("never answered") },
  { OSL_COLOR_VERMILION, OSL_PATTERN_CROSS, N_("Struggling"), N_("recall below 70 %") },
  { OSL_COLOR_ORANGE, OSL_PATTERN_STRIPES, N_("Learning"), N_("recall 70–85 %") },
  { OSL_COLOR_SKY_BLUE, OSL_PATTERN_HORIZONTAL, N_("Familiar"), N_("recall 85–95 %") },
  { OSL_COLOR_GREEN, OSL_PATTERN_SOLID, N_("Mastered"), N_("recall 95 % or more") },
};

static void
append_span_cb (const char *text,
                gsize       length,
                gboolean    code,
                gpointer    user_data)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  if (code)
    g_string_append_printf (user_data, "<tt>%s</tt>", escaped);
  else
    g_string_append (user_data, escaped);
}

/**
 * osl_flashcards_markup_to_pango:
 *
 * Returns: (transfer full): a card face as Pango markup: bullets and
 * numbers indented, command lines and `code` in monospace.
 */
char *
osl_flashcards_markup_to_pango (const char *text)
{
  g_autoptr(GArray) blocks = osl_markup_parse_blocks (text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      OslMarkupBlock *block = &g_array_index (blocks, OslMarkupBlock, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      for (guint level = 0; level < block->level; level++)
        g_string_append (out, "    ");
      switch (block->kind)
        {
        case OSL_MARKUP_GAP:
          continue;
        case OSL_MARKUP_BULLET:
          g_string_append (out, block->level == 0 ? "•  " : "◦  ");
          break;
        case OSL_MARKUP_NUMBERED:
          g_string_append_printf (out, "%u.  ", block->number);
          break;
        case OSL_MARKUP_COMMAND:
          {
            g_autofree char *escaped = g_markup_escape_text (block->text, -1);

            g_string_append_printf (out, "<tt>%s</tt>", escaped);
            continue;
          }
        case OSL_MARKUP_PARAGRAPH:
        default:
          break;
        }
      osl_markup_foreach_span (block->text, append_span_cb, out);
    }
  return g_string_free (out, FALSE);
}

static void
add_figure (OslScene   *scene,
            const char *id,
            double      x,
            double      y,
            double      w,
            const char *value,
            const char *caption,
            const char *tooltip)
{
  g_autofree char *value_id = g_strdup_printf ("%s-value", id);
  g_autofree char *caption_id = g_strdup_printf ("%s-caption", id);
  OslSceneNode *node;

  node = osl_scene_add_box (scene, id, x, y, w, 104, OSL_COLOR_SURFACE, NULL);
  node->radius = 12;
  osl_scene_node_set_tooltip (node, tooltip);
  node = osl_scene_add_text (scene, value_id, x, y + 14, w, 48, value, 34);
  node->flags |= OSL_NODE_FLAG_BOLD;
  node = osl_scene_add_text (scene, caption_id, x, y + 64, w, 26, caption, 16);
  node->text_color = OSL_COLOR_MUTED;
}

/* Returns the y below the figures: four in a row, or two rows of two
 * when the space is narrow (high zoom). */
static double
add_figures (OslScene             *scene,
             const OslReviewStats *stats,
             double                y,
             double                width)
{
  guint cards = stats->suspended;
  guint per_row = width >= 1000 ? 4 : 2;
  double w = (width - 2 * MARGIN - (per_row - 1) * 20) / per_row;
  double x[4], fy[4];
  g_autofree char *n_cards = NULL, *streak = NULL, *retention = NULL, *answers = NULL;
  g_autofree char *retention_tip = NULL;

  for (guint i = 0; i < OSL_N_MASTERY_LEVELS; i++)
    cards += stats->mastery[i];
  n_cards = g_strdup_printf ("%u", cards);
  streak = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", stats->streak), stats->streak);
  retention = stats->retention_total > 0
              ? g_strdup_printf ("%.0f %%", 100.0 * stats->retention_passed / stats->retention_total)
              : g_strdup ("–");
  retention_tip = g_strdup_printf (_("Of %u answers in the last 30 days to cards last seen on an earlier day, %u were rated 3 or better. The scheduler aims at 90 %%."),
                                   stats->retention_total, stats->retention_passed);
  answers = g_strdup_printf ("%u", stats->answers);
  for (guint i = 0; i < 4; i++)
    {
      x[i] = MARGIN + (i % per_row) * (w + 20);
      fy[i] = y + (i / per_row) * (104 + 16);
    }
  add_figure (scene, "figure-cards", x[0], fy[0], w, n_cards, _("cards in the deck"),
              _("All cards, suspended ones included."));
  add_figure (scene, "figure-streak", x[1], fy[1], w, streak, _("streak"),
              _("Days in a row with at least one answer; today counts once you answer."));
  add_figure (scene, "figure-retention", x[2], fy[2], w, retention,
              _("true retention, 30 days"), retention_tip);
  add_figure (scene, "figure-answers", x[3], fy[3], w, answers, _("answers in all"),
              _("Every rating given, undone ones not counted."));
  return fy[3] + 104;
}

static double
add_mastery_bar (OslScene             *scene,
                 const OslReviewStats *stats,
                 double                y,
                 double                width)
{
  double bar_w = width - 2 * MARGIN, x = MARGIN;
  guint per_row = bar_w >= 5 * 220 ? 5 : bar_w >= 3 * 220 ? 3 : 2;
  double item_w = bar_w / per_row;
  guint total = 0;
  OslSceneNode *node;

  for (guint i = 0; i < OSL_N_MASTERY_LEVELS; i++)
    total += stats->mastery[i];
  node = osl_scene_add_text (scene, "mastery-title", MARGIN, y, bar_w, 28,
                             _("Mastery: cards by how likely you are to recall them now"), 19);
  node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START;
  y += 38;
  node = osl_scene_add_box (scene, "mastery-frame", MARGIN, y, bar_w, 48, OSL_COLOR_NONE, NULL);
  node->radius = 8;
  for (guint i = 0; i < OSL_N_MASTERY_LEVELS && total > 0; i++)
    {
      double w = bar_w * stats->mastery[i] / total;
      g_autofree char *id = g_strdup_printf ("mastery-%u", i);
      g_autofree char *label = g_strdup_printf ("%u", stats->mastery[i]);
      g_autofree char *tip = g_strdup_printf ("%s (%s): %u", _(mastery_styles[i].name),
                                              _(mastery_styles[i].meaning), stats->mastery[i]);

      if (stats->mastery[i] == 0)
        continue;
      node = osl_scene_add_token (scene, id, x, y, w, 48, mastery_styles[i].color,
                                  mastery_styles[i].pattern, w >= 36 ? label : NULL);
      node->radius = 0;
      node->font_size = 17;
      node->flags |= OSL_NODE_FLAG_BOLD;
      osl_scene_node_set_tooltip (node, tip);
      x += w;
    }
  y += 62;
  for (guint i = 0; i < OSL_N_MASTERY_LEVELS; i++)
    {
      g_autofree char *id = g_strdup_printf ("mastery-legend-%u", i);
      g_autofree char *text_id = g_strdup_printf ("mastery-legend-text-%u", i);
      g_autofree char *label = g_strdup_printf ("%s %u", _(mastery_styles[i].name), stats->mastery[i]);
      double lx = MARGIN + (i % per_row) * item_w, ly = y + (i / per_row) * 36;

      node = osl_scene_add_token (scene, id, lx, ly + 4, 22, 22, mastery_styles[i].color,
                                  mastery_styles[i].pattern, NULL);
      node->radius = 4;
      osl_scene_node_set_tooltip (node, _(mastery_styles[i].meaning));
      node = osl_scene_add_text (scene, text_id, lx + 30, ly, item_w - 36, 30, label, 16);
      node->flags |= OSL_NODE_FLAG_ALIGN_START;
    }
  return y + ((OSL_N_MASTERY_LEVELS + per_row - 1) / per_row) * 36;
}

/* How far a cell's colour goes from the surface to full green. */
static double
heat_level (guint count,
            guint max)
{
  if (count == 0)
    return 0.0;
  return 0.3 + 0.7 * MIN (1.0, (double) count / MAX (max, 1));
}

static double
add_heatmap (OslScene             *scene,
             const OslReviewStats *stats,
             double                x,
             double                y,
             double                w)
{
  static const char * const weekdays[] = { N_("Mon"), N_("Wed"), N_("Fri") };
  guint max = 1, first_weekday = stats->heatmap_weekday;
  double cell = MIN (20.0, (w - 50) / (OSL_REVIEW_STATS_HEATMAP_DAYS / 7 + 1) - 4);
  OslSceneNode *node;

  for (guint i = 0; i < OSL_REVIEW_STATS_HEATMAP_DAYS; i++)
    max = MAX (max, stats->heatmap[i]);
  node = osl_scene_add_text (scene, "heatmap-title", x, y, w, 28, _("Answers per day, last 26 weeks"), 19);
  node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START;
  y += 40;
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    {
      g_autofree char *id = g_strdup_printf ("heatmap-weekday-%u", i);

      node = osl_scene_add_text (scene, id, x, y + (2 * i) * (cell + 4) - 2, 44, cell + 4, _(weekdays[i]), 15);
      node->flags |= OSL_NODE_FLAG_ALIGN_START;
      node->text_color = OSL_COLOR_MUTED;
    }
  for (guint i = 0; i < OSL_REVIEW_STATS_HEATMAP_DAYS; i++)
    {
      /* Columns are weeks starting on Monday; the first column may start
       * mid-week. */
      guint slot = i + first_weekday - 1;
      double cx = x + 50 + (slot / 7) * (cell + 4), cy = y + (slot % 7) * (cell + 4);
      g_autofree char *id = g_strdup_printf ("heatmap-%u", i);
      g_autofree char *tip = NULL;
      guint days_ago = OSL_REVIEW_STATS_HEATMAP_DAYS - 1 - i;

      tip = days_ago == 0
            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Today: %u answer", "Today: %u answers", stats->heatmap[i]), stats->heatmap[i])
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u days ago: %u answers", "%u days ago: %u answers", days_ago), days_ago, stats->heatmap[i]);
      node = osl_scene_add_box (scene, id, cx, cy, cell, cell, OSL_COLOR_GREEN, NULL);
      node->radius = 4;
      /* A blend of two palette colours, not transparency: it paints
       * fast and looks the same on every background. */
      node->fill_before = OSL_COLOR_SURFACE;
      node->fill_blend = heat_level (stats->heatmap[i], max);
      node->stroke = days_ago == 0 ? OSL_COLOR_FOREGROUND : OSL_COLOR_BORDER;
      node->line_width = days_ago == 0 ? 2 : 1;
      osl_scene_node_set_tooltip (node, tip);
    }
  y += 7 * (cell + 4) + 8;
  node = osl_scene_add_text (scene, "heatmap-legend", x + 50, y, w - 50, 26,
                             _("Darker green: more answers that day. The outlined square is today."), 15);
  node->flags |= OSL_NODE_FLAG_ALIGN_START;
  node->text_color = OSL_COLOR_MUTED;
  return y + 52;
}

static void
add_forecast (OslScene             *scene,
              const OslReviewStats *stats,
              double                x,
              double                y,
              double                w,
              double                h)
{
  guint max = 1;
  double chart_h = h - 40 - 60, bar_w = w / OSL_REVIEW_STATS_FORECAST_DAYS;
  double base = y + 40 + chart_h + 24;
  OslSceneNode *node;

  for (guint i = 0; i < OSL_REVIEW_STATS_FORECAST_DAYS; i++)
    max = MAX (max, stats->forecast[i]);
  node = osl_scene_add_text (scene, "forecast-title", x, y, w, 28, _("Cards due in the next 30 days"), 19);
  node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START;
  node = osl_scene_add_arrow (scene, "forecast-axis", x, base, x + w, base);
  node->flags |= OSL_NODE_FLAG_NO_HEAD;
  node->stroke = OSL_COLOR_MUTED;
  for (guint i = 0; i < OSL_REVIEW_STATS_FORECAST_DAYS; i++)
    {
      double bh = stats->forecast[i] == 0 ? 0 : MAX (3.0, (chart_h - 4) * stats->forecast[i] / max);
      g_autofree char *id = g_strdup_printf ("forecast-%u", i);
      g_autofree char *tip = NULL;

      if (stats->forecast[i] == 0)
        continue;
      tip = i == 0 ? g_strdup_printf (_("Today (overdue included): %u cards"), stats->forecast[i])
                   : g_strdup_printf (_("In %u days: %u cards"), i, stats->forecast[i]);
      node = osl_scene_add_box (scene, id, x + i * bar_w + 2, base - bh, bar_w - 4, bh,
                                i == 0 ? OSL_COLOR_ORANGE : OSL_COLOR_BLUE, NULL);
      node->radius = 3;
      node->pattern = i == 0 ? OSL_PATTERN_STRIPES : OSL_PATTERN_SOLID;
      osl_scene_node_set_tooltip (node, tip);
      if (stats->forecast[i] == max)
        {
          g_autofree char *value_id = g_strdup_printf ("forecast-value-%u", i);
          g_autofree char *value = g_strdup_printf ("%u", stats->forecast[i]);

          osl_scene_add_text (scene, value_id, x + i * bar_w - 20, base - bh - 24, bar_w + 40, 22, value, 15);
        }
    }
  for (guint i = 0; i < OSL_REVIEW_STATS_FORECAST_DAYS; i += 7)
    {
      g_autofree char *id = g_strdup_printf ("forecast-tick-%u", i);
      g_autofree char *label = i == 0 ? g_strdup (_("today")) : g_strdup_printf ("+%u", i);

      node = osl_scene_add_text (scene, id, x + i * bar_w - 30, base + 6, bar_w + 60, 22, label, 15);
      node->text_color = OSL_COLOR_MUTED;
    }
}

#define WIDE_WIDTH    1100.0
#define WIDE_HEIGHT   700.0
#define NARROW_WIDTH  600.0
#define NARROW_HEIGHT 1240.0

/* How much a layout of at least @min_width × @min_height shrinks to fit
 * @width × @height. */
static double
layout_scale (double width,
              double height,
              double min_width,
              double min_height)
{
  return MIN (1.0, MIN (width / min_width, height / min_height));
}

/**
 * osl_flashcards_stats_scene:
 *
 * Returns: (transfer full): the statistics; taller than @height when the
 * space is too small, so the caller scales it rather than cut it.
 */
OslScene *
osl_flashcards_stats_scene (const OslReviewStats *stats,
                            const char           *deck_title,
                            double                width,
                            double                height)
{
  g_autofree char *title = g_strdup_printf (_("Statistics — %s"), deck_title);
  OslScene *scene;
  OslSceneNode *node;
  double y;

  gboolean wide;

  /* Wide: heatmap and forecast side by side, 1100 × 700 at least.
   * Narrow: everything in one column, 600 × 1240. Whichever shrinks
   * less in the space given (a tall window at high zoom wants the
   * column, a short one the rows). */
  wide = layout_scale (width, height, WIDE_WIDTH, WIDE_HEIGHT) >=
         layout_scale (width, height, NARROW_WIDTH, NARROW_HEIGHT);
  width = MAX (width, wide ? WIDE_WIDTH : NARROW_WIDTH);
  height = MAX (height, wide ? WIDE_HEIGHT : NARROW_HEIGHT);
  scene = osl_scene_new (width, height, title);
  /* A narrow title may take two lines. */
  node = osl_scene_add_text (scene, "title", MARGIN, 20, width - 2 * MARGIN, wide ? 40 : 72, title, 26);
  node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP;
  y = add_figures (scene, stats, wide ? 76 : 108, width) + 26;
  y = add_mastery_bar (scene, stats, y, width) + 30;
  if (wide)
    {
      double column_w = (width - 2 * MARGIN - 60) / 2;

      add_heatmap (scene, stats, MARGIN, y, column_w);
      add_forecast (scene, stats, MARGIN + column_w + 60, y, column_w, 260);
    }
  else
    {
      y = add_heatmap (scene, stats, MARGIN, y, width - 2 * MARGIN) + 24;
      add_forecast (scene, stats, MARGIN, y, width - 2 * MARGIN, 260);
    }
  osl_scene_set_summary (scene, _("Mastery bar, answers per day, due forecast, true retention and streak."));
  return scene;
}

/* The height of @markup laid out @width wide, as the painter lays out
 * the text node it becomes. */
static double
text_height (const char *markup,
             gboolean    bold,
             double      font_size,
             double      width)
{
  int height;

  osl_painter_measure_text (markup, OSL_NODE_FLAG_MARKUP | (bold ? OSL_NODE_FLAG_BOLD : 0),
                            font_size, width, NULL, &height);
  return height;
}

/* The largest size from @largest down to @smallest at which @markup
 * fits @width × @height: a short card in huge type, a long one still
 * whole. The largest sizes grow with the card, so that a projected
 * card fills a big screen. */
static double
fit_font_size (const char *markup,
               gboolean    bold,
               double      width,
               double      height,
               double      largest,
               double      smallest)
{
  double size;

  for (size = largest; size > smallest; size *= 0.92)
    if (text_height (markup, bold, size, width) <= height)
      return size;
  return smallest;
}

/**
 * osl_flashcards_card_scene:
 *
 * Returns: (transfer full): one card in big type for class mode: the
 * question, and the answer once @revealed, each as large as its space
 * allows, for the back of a lecture hall.
 */
OslScene *
osl_flashcards_card_scene (const OslCard *card,
                           guint          position,
                           guint          total,
                           gboolean       revealed,
                           double         width,
                           double         height)
{
  g_autofree char *front = osl_flashcards_markup_to_pango (card->front);
  g_autofree char *back = osl_flashcards_markup_to_pango (card->back);
  g_autofree char *counter = g_strdup_printf (_("Card %u of %u"), position, total);
  g_autofree char *tags = g_strjoinv ("  ·  ", card->tags);
  OslScene *scene;
  OslSceneNode *node;
  double card_w, card_x, card_y = 56, card_h, text_x, text_w, question_h, question_size, answer_y;

  width = MAX (width, 480);
  height = MAX (height, 320);
  card_w = MIN (width - 2 * MARGIN, 1800);
  card_x = (width - card_w) / 2;
  card_h = height - card_y - MARGIN / 2;
  text_x = card_x + 48;
  text_w = card_w - 96;
  scene = osl_scene_new (width, height, _("Class quiz"));
  node = osl_scene_add_text (scene, "counter", card_x, 16, card_w / 2, 30, counter, 18);
  node->flags |= OSL_NODE_FLAG_ALIGN_START;
  node->text_color = OSL_COLOR_MUTED;
  node = osl_scene_add_text (scene, "tags", card_x + card_w / 2, 16, card_w / 2, 30, tags, 18);
  node->flags |= OSL_NODE_FLAG_ALIGN_END;
  node->text_color = OSL_COLOR_MUTED;

  node = osl_scene_add_box (scene, "card", card_x, card_y, card_w, card_h, OSL_COLOR_SURFACE, NULL);
  node->radius = 18;
  if (!revealed)
    {
      /* The question alone, centred in the card above the chip. */
      question_h = card_h - 40 - 100;
      question_size = fit_font_size (front, TRUE, text_w, question_h, MAX (112, card_h / 6), 24);
      node = osl_scene_add_text (scene, "question", text_x, card_y + 32, text_w, question_h, front, question_size);
      node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_BOLD;
      node = osl_scene_add_chip (scene, "reveal", width / 2 - 190, card_y + card_h - 86, 380, 56,
                                 OSL_COLOR_ACCENT, _("Click or press Space to reveal"));
      node->font_size = 22;
      node->text_color = OSL_COLOR_BACKGROUND;
      node->flags |= OSL_NODE_FLAG_CLICKABLE;
      osl_scene_node_set_target (node, "reveal");
      return scene;
    }
  /* The question on top in at most a third of the card, the answer in
   * the rest; the divider sits under the question as laid out. */
  question_size = fit_font_size (front, TRUE, text_w, (card_h - 64) / 3, MAX (72, card_h / 11), 22);
  question_h = text_height (front, TRUE, question_size, text_w);
  node = osl_scene_add_text (scene, "question", text_x, card_y + 28, text_w, question_h, front, question_size);
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_BOLD;
  answer_y = card_y + 28 + question_h + 18;
  node = osl_scene_add_arrow (scene, "divider", text_x, answer_y, text_x + text_w, answer_y);
  node->flags |= OSL_NODE_FLAG_NO_HEAD;
  node->stroke = OSL_COLOR_BORDER;
  answer_y += 22;
  node = osl_scene_add_text (scene, "answer", text_x, answer_y, text_w, card_y + card_h - 24 - answer_y, back,
                             fit_font_size (back, FALSE, text_w, card_y + card_h - 24 - answer_y, MAX (72, card_h / 9), 16));
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP;
  return scene;
}

/* A deterministic student: three weeks with the lecture-sized deck, two
 * days skipped, answers drawn from the card's recall probability. */
static void
simulate_study (OslReviewSession *session,
                OslReviewLog     *log,
                gint64            start,
                guint             days)
{
  OslDeck *deck = osl_review_session_get_deck (session);
  GRand *rand = g_rand_new_with_seed (3);

  for (guint day = 0; day < days; day++)
    {
      gint64 now = start + day * OSL_FSRS_MS_PER_DAY;
      gint card;

      if (day == 5 || day == 12)
        continue;
      for (guint n = 0; n < 200 && (card = osl_review_session_next_card (session, now)) >= 0; n++)
        {
          const OslCardProgress *progress = osl_review_session_get_progress (session, card);
          double r = progress->first_review == 0 ? 0.5
                     : osl_fsrs_get_retrievability (osl_review_session_get_params (session), &progress->fsrs, now);
          double u = g_rand_double (rand);
          guint rating = u < r * 0.7 ? 4 : u < r * 0.85 ? 5 : u < r ? 3 : u < r + (1 - r) / 2 ? 2 : 1;

          osl_review_log_append (log, osl_deck_get_card (deck, card)->id, now, rating,
                                 osl_fsrs_grade_from_rating (rating), NULL);
          osl_review_session_answer (session, card, now, rating);
          now += 40 * 1000;
        }
    }
  g_rand_free (rand);
}

/**
 * osl_flashcards_view_scene:
 * @scenario_path: (nullable): a deck file; its statistics need a log, so
 *   the scene shows an example student's three weeks with it
 *
 * The view registry's scene: what `os-lens-cli render --view flashcards`
 * draws.
 */
OslScene *
osl_flashcards_view_scene (const char  *scenario_path,
                           double       width,
                           double       height,
                           GError     **error)
{
  g_autoptr(OslDeck) deck = NULL;
  g_autoptr(OslReviewLog) log = osl_review_log_new_in_memory ();
  g_autoptr(OslReviewSession) session = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *title = NULL;
  OslReviewStats stats;
  OslFsrsParams params;
  /* 2025-03-03 18:00 UTC */
  gint64 start = G_GINT64_CONSTANT (1741024800000);

  if (scenario_path != NULL)
    {
      deck = osl_deck_load (scenario_path, error);
      if (deck == NULL)
        return NULL;
    }
  else
    {
      deck = osl_deck_new ("example", _("Example deck"));
      for (guint i = 0; i < 57; i++)
        {
          g_autofree char *id = g_strdup_printf ("vc-%02u", i + 1);

          osl_deck_add_card (deck, osl_card_new (id, "Q", "A"));
        }
    }
  osl_fsrs_params_init (&params);
  params.enable_fuzz = TRUE;
  session = osl_review_session_new (deck, &params);
  osl_review_session_set_time_zone (session, utc);
  simulate_study (session, log, start, 21);
  osl_review_stats_compute (&stats, session, log, start + 20 * OSL_FSRS_MS_PER_DAY + 3600 * 1000);
  title = g_strdup_printf (_("%s (an example student’s first three weeks)"), osl_deck_get_title (deck));
  return osl_flashcards_stats_scene (&stats, title, width, height);
}
