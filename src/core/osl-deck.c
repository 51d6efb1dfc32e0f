/* osl-deck.c: a flashcard deck and its JSON file
 *
 * A deck is an ordered list of cards with stable ids; the review log
 * refers to cards by id only, so a deck can be edited, re-imported or
 * reordered without losing anyone's progress.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "osl-deck.h"
#include "osl-deck-reader.h"
#include "osl-json-file.h"

struct _OslDeck
{
  char       *id;
  char       *title;
  GPtrArray  *cards;     /* of OslCard */
  GHashTable *by_id;     /* id → index + 1 */
};

typedef struct
{
  guint line;
  guint column;
} Position;

/* Where each object of a document starts, found only when an error needs
 * to name a line and column: the happy path parses once, without it. */
typedef struct
{
  GArray     *stack;      /* of Position */
  GHashTable *positions;  /* JsonObject → Position */
} PositionMap;

static const char * const link_views[] = { "scheduling", "memory", "containers", "flashcards", NULL };

G_DEFINE_QUARK (osl-deck-error-quark, osl_deck_error)

OslCard *
osl_card_new (const char *id,
              const char *front,
              const char *back)
{
  OslCard *card = g_new0 (OslCard, 1);

  card->id = g_strdup (id);
  card->front = g_strdup (front);
  card->back = g_strdup (back);
  card->tags = g_new0 (char *, 1);
  return card;
}

OslCard *
osl_card_copy (const OslCard *card)
{
  OslCard *copy = osl_card_new (card->id, card->front, card->back);

  copy->number = card->number;
  copy->note = g_strdup (card->note);
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (card->tags);
  copy->link_view = g_strdup (card->link_view);
  copy->link_state = g_strdup (card->link_state);
  copy->suspended = card->suspended;
  return copy;
}

void
osl_card_free (OslCard *card)
{
  if (card == NULL)
    return;
  g_free (card->id);
  g_free (card->front);
  g_free (card->back);
  g_free (card->note);
  g_strfreev (card->tags);
  g_free (card->link_view);
  g_free (card->link_state);
  g_free (card);
}

gboolean
osl_card_has_tag (const OslCard *card,
                  const char    *tag)
{
  return card->tags != NULL && g_strv_contains ((const char * const *) card->tags, tag);
}

/* Ids travel through file names, CSV columns and the review log, so they
 * stay short and plain. */
gboolean
osl_card_id_is_valid (const char *id)
{
  gsize length;

  if (id == NULL)
    return FALSE;
  length = strlen (id);
  if (length == 0 || length > 64)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

OslDeck *
osl_deck_new (const char *id,
              const char *title)
{
  OslDeck *deck = g_new0 (OslDeck, 1);

  deck->id = g_strdup (id);
  deck->title = g_strdup (title);
  deck->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) osl_card_free);
  deck->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return deck;
}

void
osl_deck_free (OslDeck *deck)
{
  if (deck == NULL)
    return;
  g_hash_table_unref (deck->by_id);
  g_ptr_array_unref (deck->cards);
  g_free (deck->id);
  g_free (deck->title);
  g_free (deck);
}

const char *
osl_deck_get_id (OslDeck *deck)
{
  return deck->id;
}

const char *
osl_deck_get_title (OslDeck *deck)
{
  return deck->title;
}

/**
 * osl_deck_set_identity:
 * @title: (nullable): %NULL for "Untitled deck"
 */
void
osl_deck_set_identity (OslDeck    *deck,
                       const char *id,
                       const char *title)
{
  g_free (deck->id);
  deck->id = g_strdup (id);
  g_free (deck->title);
  deck->title = g_strdup (title != NULL ? title : _("Untitled deck"));
}

guint
osl_deck_get_n_cards (OslDeck *deck)
{
  return deck->cards->len;
}

OslCard *
osl_deck_get_card (OslDeck *deck,
                   guint    index)
{
  g_return_val_if_fail (index < deck->cards->len, NULL);
  return g_ptr_array_index (deck->cards, index);
}

/**
 * osl_deck_peek_cards:
 *
 * Returns: (transfer none): the cards in order, for loops over a big
 * deck that run on every keystroke; valid until the deck changes
 */
OslCard **
osl_deck_peek_cards (OslDeck *deck)
{
  return (OslCard **) deck->cards->pdata;
}

gint
osl_deck_index_of (OslDeck    *deck,
                   const char *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (deck->by_id, id)) - 1;
}

OslCard *
osl_deck_lookup (OslDeck    *deck,
                 const char *id)
{
  gint index = osl_deck_index_of (deck, id);

  return index < 0 ? NULL : g_ptr_array_index (deck->cards, index);
}

/**
 * osl_deck_add_card:
 * @card: (transfer full): a card whose id is not in @deck yet
 */
void
osl_deck_add_card (OslDeck *deck,
                   OslCard *card)
{
  g_return_if_fail (osl_deck_lookup (deck, card->id) == NULL);

  g_ptr_array_add (deck->cards, card);
  g_hash_table_insert (deck->by_id, card->id, GINT_TO_POINTER (deck->cards->len));
}

/**
 * osl_deck_replace_card:
 * @card: (transfer full): the new content; its id must equal the old one
 */
void
osl_deck_replace_card (OslDeck *deck,
                       guint    index,
                       OslCard *card)
{
  OslCard *old = osl_deck_get_card (deck, index);

  g_return_if_fail (g_str_equal (old->id, card->id));

  g_hash_table_remove (deck->by_id, old->id);
  g_ptr_array_index (deck->cards, index) = card;
  g_hash_table_insert (deck->by_id, card->id, GINT_TO_POINTER (index + 1));
  osl_card_free (old);
}

/**
 * osl_deck_make_card_id:
 *
 * Returns: (transfer full): an id derived from the question, so that
 * importing the same file twice updates cards instead of doubling them.
 */
char *
osl_deck_make_card_id (OslDeck    *deck,
                       const char *front)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, front, -1);
  char *id = g_strdup_printf ("c-%.12s", hash);

  for (guint n = 2; deck != NULL && osl_deck_lookup (deck, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("c-%.12s-%u", hash, n);
    }
  return id;
}

/**
 * osl_deck_merge:
 *
 * Copies the cards of @other into @deck: a card with a known id replaces
 * the old content (progress stays, it follows the id), others are added.
 *
 * Returns: how many cards were added
 */
guint
osl_deck_merge (OslDeck *deck,
                OslDeck *other)
{
  guint added = 0;

  for (guint i = 0; i < other->cards->len; i++)
    {
      OslCard *card = g_ptr_array_index (other->cards, i);
      gint index = osl_deck_index_of (deck, card->id);

      if (index >= 0)
        {
          osl_deck_replace_card (deck, index, osl_card_copy (card));
        }
      else
        {
          osl_deck_add_card (deck, osl_card_copy (card));
          added++;
        }
    }
  return added;
}

static void
object_started_cb (JsonParser  *parser,
                   PositionMap *map)
{
  Position position = { json_parser_get_current_line (parser), json_parser_get_current_pos (parser) };

  g_array_append_val (map->stack, position);
}

static void
object_ended_cb (JsonParser  *parser,
                 JsonObject  *object,
                 PositionMap *map)
{
  Position *position;

  if (map->stack->len == 0)
    return;
  position = g_new (Position, 1);
  *position = g_array_index (map->stack, Position, map->stack->len - 1);
  g_array_set_size (map->stack, map->stack->len - 1);
  g_hash_table_insert (map->positions, object, position);
}

/* Turns json-glib's "<data>:3:8: Parse error: unexpected …" into the
 * sentence the user sees. */
static void
set_syntax_error (GError     **error,
                  const char  *message)
{
  guint line = 0, column = 0;
  const char *rest = message;

  if (g_str_has_prefix (message, "<data>:") &&
      sscanf (message, "<data>:%u:%u:", &line, &column) == 2)
    {
      rest = strstr (message, "error: ");
      rest = rest != NULL ? rest + strlen ("error: ") : message;
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_SYNTAX,
                   _("Line %u, column %u: the deck is not valid JSON (%s)."),
                   line, column, rest);
      return;
    }
  g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_SYNTAX,
               _("The deck is not valid JSON (%s)."), message);
}

static void
prefix_position (GError      **error,
                 GHashTable   *positions,
                 JsonObject   *object)
{
  Position *position = positions != NULL ? g_hash_table_lookup (positions, object) : NULL;

  if (position != NULL && error != NULL && *error != NULL)
    g_prefix_error (error, _("Line %u, column %u: "), position->line, position->column);
}

static gboolean
text_is_valid (const char *text)
{
  return text == NULL || g_utf8_validate (text, -1, NULL);
}

static gboolean
read_tags (JsonObject  *object,
           OslCard     *card,
           GError     **error)
{
  JsonArray *array;
  g_autoptr(GError) local_error = NULL;
  GStrvBuilder *builder;

  array = osl_json_object_get_array_member_checked (object, "tags", 64, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (array == NULL)
    return TRUE;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *tag;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          *(tag = json_node_get_string (node)) == '\0' || strchr (tag, ' ') != NULL || !text_is_valid (tag))
        {
          g_strv_builder_unref (builder);
          g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                       _("card “%s” has tag number %u that is not a word in quotes; tags are words like \"paging\"."),
                       card->id, i + 1);
          return FALSE;
        }
      g_strv_builder_add (builder, tag);
    }
  g_strfreev (card->tags);
  card->tags = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return TRUE;
}

static gboolean
read_link (JsonObject  *object,
           OslCard     *card,
           JsonObject **link_out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, "link");
  JsonObject *link;
  const char *view = NULL, *state = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                   _("card “%s” has a \"link\" that is not an object like {\"view\": \"memory\", \"state\": \"…\"}."),
                   card->id);
      return FALSE;
    }
  link = *link_out = json_node_get_object (node);
  if (!osl_json_object_get_string_member_checked (link, "view", NULL, &view, error) ||
      !osl_json_object_get_string_member_checked (link, "state", "", &state, error))
    return FALSE;
  if (!text_is_valid (state))
    {
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                   _("card “%s” has text that is not valid UTF-8."), card->id);
      return FALSE;
    }
  if (view == NULL || !g_strv_contains (link_views, view))
    {
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                   _("card “%s” links to the view “%s”; the views are scheduling, memory, containers and flashcards."),
                   card->id, view != NULL ? view : "");
      return FALSE;
    }
  card->link_view = g_strdup (view);
  card->link_state = g_strdup (state);
  return TRUE;
}

static OslCard *
read_card (JsonNode    *node,
           guint        index,
           JsonObject **failed_object,
           GError     **error)
{
  JsonObject *object;
  const char *id = NULL, *front = NULL, *back = NULL, *note = NULL;
  gint64 number = 0;
  gboolean suspended = FALSE;
  g_autoptr(OslCard) card = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                   _("card number %u is not an object { … }."), index + 1);
      return NULL;
    }
  object = *failed_object = json_node_get_object (node);
  if (!osl_json_object_get_string_member_checked (object, "id", NULL, &id, error))
    return NULL;
  if (!osl_card_id_is_valid (id))
    {
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                   _("card number %u has the id “%s”; an id is 1 to 64 letters, digits, “-”, “_” or “.”."),
                   index + 1, id != NULL ? id : "");
      return NULL;
    }
  if (!osl_json_object_get_string_member_checked (object, "front", NULL, &front, error) ||
      !osl_json_object_get_string_member_checked (object, "back", NULL, &back, error) ||
      !osl_json_object_get_string_member_checked (object, "note", NULL, &note, error) ||
      !osl_json_object_get_int_member_checked (object, "number", 0, 9999, 0, &number, error) ||
      !osl_json_object_get_bool_member_checked (object, "suspended", FALSE, &suspended, error))
    return NULL;
  /* json-glib lets invalid UTF-8 through inside strings. */
  if (!text_is_valid (front) || !text_is_valid (back) || !text_is_valid (note))
    {
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                   _("card “%s” has text that is not valid UTF-8."), id);
      return NULL;
    }
  if (front == NULL || *front == '\0' || back == NULL || *back == '\0')
    {
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_EMPTY,
                   _("card “%s” needs a non-empty \"%s\"."), id,
                   front == NULL || *front == '\0' ? "front" : "back");
      return NULL;
    }
  card = osl_card_new (id, front, back);
  card->number = number;
  card->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  card->suspended = suspended;
  if (!read_tags (object, card, error) || !read_link (object, card, failed_object, error))
    return NULL;
  return g_steal_pointer (&card);
}

static OslDeck *
read_deck (JsonObject  *root,
           JsonObject **failed_object,
           GError     **error)
{
  const char *id = NULL, *title = NULL;
  JsonArray *cards;
  g_autoptr(OslDeck) deck = NULL;

  *failed_object = root;
  if (!osl_json_object_get_string_member_checked (root, "id", "deck", &id, error) ||
      !osl_json_object_get_string_member_checked (root, "title", _("Untitled deck"), &title, error))
    return NULL;
  if (!text_is_valid (id) || !text_is_valid (title))
    {
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                   _("The deck's id or title has text that is not valid UTF-8."));
      return NULL;
    }
  cards = osl_json_object_get_array_member_checked (root, "cards", OSL_DECK_MAX_CARDS, error);
  if (cards == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                     _("The deck has no \"cards\" list."));
      return NULL;
    }
  deck = osl_deck_new (id, title);
  for (guint i = 0; i < json_array_get_length (cards); i++)
    {
      OslCard *card;

      *failed_object = root;
      card = read_card (json_array_get_element (cards, i), i, failed_object, error);
      if (card == NULL)
        return NULL;
      if (osl_deck_lookup (deck, card->id) != NULL)
        {
          g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_DUPLICATE,
                       _("card number %u repeats the id “%s”; every card needs its own id."),
                       i + 1, card->id);
          osl_card_free (card);
          return NULL;
        }
      osl_deck_add_card (deck, card);
    }
  return g_steal_pointer (&deck);
}

/* Parses again, this time recording where each object starts, and
 * prefixes @error with the line and column of @object. json-glib hands out
 * fresh objects on each parse, so the failed object is found again by
 * walking to the same error. */
static void
locate_error (const char  *data,
              gssize       length,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  PositionMap map;
  JsonObject *failed = NULL;
  g_autoptr(OslDeck) deck = NULL;
  g_autoptr(GError) again = NULL;

  map.stack = g_array_new (FALSE, FALSE, sizeof (Position));
  map.positions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_signal_connect (parser, "object-start", G_CALLBACK (object_started_cb), &map);
  g_signal_connect (parser, "object-end", G_CALLBACK (object_ended_cb), &map);
  if (json_parser_load_from_data (parser, data, length, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      deck = read_deck (json_node_get_object (json_parser_get_root (parser)), &failed, &again);
      if (deck == NULL && failed != NULL)
        prefix_position (error, map.positions, failed);
    }
  g_array_unref (map.stack);
  g_hash_table_unref (map.positions);
}

/**
 * osl_deck_parse:
 *
 * Reads a deck file ({"format": "os-lens/deck", …}).
 *
 * Returns: (transfer full): the deck, or %NULL with @error set to one
 * sentence that names the line and column.
 */
OslDeck *
osl_deck_parse (const char  *data,
                gssize       length,
                GError     **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *failed = NULL;
  OslDeck *deck;

  if (length < 0)
    length = strlen (data);
  deck = osl_deck_reader_read (data, length);
  if (deck != NULL)
    return deck;
  root = osl_json_file_parse (data, length, OSL_DECK_FORMAT, OSL_DECK_VERSION, &local_error);
  if (root == NULL)
    {
      if (g_error_matches (local_error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_SYNTAX))
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) parse_error = NULL;

          if (!json_parser_load_from_data (parser, data, length, &parse_error))
            {
              set_syntax_error (error, parse_error->message);
              return NULL;
            }
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  deck = read_deck (root, &failed, &local_error);
  if (deck == NULL)
    {
      locate_error (data, length, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return deck;
}

OslDeck *
osl_deck_load (const char  *path,
               GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return osl_deck_parse (data, length, error);
}

static JsonObject *
card_to_json (const OslCard *card)
{
  JsonObject *object = json_object_new ();
  JsonArray *tags = json_array_new ();

  json_object_set_string_member (object, "id", card->id);
  if (card->number > 0)
    json_object_set_int_member (object, "number", card->number);
  json_object_set_string_member (object, "front", card->front);
  json_object_set_string_member (object, "back", card->back);
  for (guint i = 0; card->tags != NULL && card->tags[i] != NULL; i++)
    json_array_add_string_element (tags, card->tags[i]);
  json_object_set_array_member (object, "tags", tags);
  if (card->link_view != NULL)
    {
      JsonObject *link = json_object_new ();

      json_object_set_string_member (link, "view", card->link_view);
      json_object_set_string_member (link, "state", card->link_state != NULL ? card->link_state : "");
      json_object_set_object_member (object, "link", link);
    }
  if (card->note != NULL)
    json_object_set_string_member (object, "note", card->note);
  if (card->suspended)
    json_object_set_boolean_member (object, "suspended", TRUE);
  return object;
}

char *
osl_deck_to_json (OslDeck *deck,
                  gsize   *length)
{
  g_autoptr(JsonObject) root = osl_json_file_new_object (OSL_DECK_FORMAT, OSL_DECK_VERSION);
  JsonArray *cards = json_array_new ();

  json_object_set_string_member (root, "id", deck->id);
  json_object_set_string_member (root, "title", deck->title);
  for (guint i = 0; i < deck->cards->len; i++)
    json_array_add_object_element (cards, card_to_json (g_ptr_array_index (deck->cards, i)));
  json_object_set_array_member (root, "cards", cards);
  return osl_json_file_to_data (root, length);
}

gboolean
osl_deck_save (OslDeck     *deck,
               const char  *path,
               GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  data = osl_deck_to_json (deck, &length);
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}
