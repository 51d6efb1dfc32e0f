/* osl-deck.h: a flashcard deck, its JSON file and Anki's text format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_DECK_ERROR (osl_deck_error_quark ())

typedef enum
{
  OSL_DECK_ERROR_SYNTAX,
  OSL_DECK_ERROR_FIELD,
  OSL_DECK_ERROR_DUPLICATE,
  OSL_DECK_ERROR_EMPTY,
} OslDeckError;

#define OSL_DECK_FORMAT      "os-lens/deck"
#define OSL_DECK_VERSION     1
#define OSL_DECK_MAX_CARDS   1000000

/* One card. Text uses a small markup that the views render: lines that
 * start with "- " (two more spaces per level) are bullets, "1. " numbered
 * items, "$ " command lines; `backticks` mark inline code. */
typedef struct
{
  char      *id;          /* stable: the review log refers to it */
  guint      number;      /* the lecture's card number, 0 for added cards */
  char      *front;
  char      *back;
  char      *note;        /* clarification where the card is loose, or NULL */
  GStrv      tags;        /* lecture sections */
  char      *link_view;   /* "scheduling", "memory", "containers" or NULL */
  char      *link_state;  /* a state string that view understands, or NULL */
  gboolean   suspended;
} OslCard;

typedef struct _OslDeck OslDeck;

GQuark         osl_deck_error_quark      (void);

OslCard       *osl_card_new              (const char   *id,
                                          const char   *front,
                                          const char   *back);
OslCard       *osl_card_copy             (const OslCard *card);
void           osl_card_free             (OslCard      *card);
gboolean       osl_card_has_tag          (const OslCard *card,
                                          const char   *tag);
gboolean       osl_card_id_is_valid      (const char   *id);

OslDeck       *osl_deck_new              (const char   *id,
                                          const char   *title);
void           osl_deck_free             (OslDeck      *deck);
const char    *osl_deck_get_id           (OslDeck      *deck);
const char    *osl_deck_get_title        (OslDeck      *deck);
void           osl_deck_set_identity     (OslDeck      *deck,
                                          const char   *id,
                                          const char   *title);
guint          osl_deck_get_n_cards      (OslDeck      *deck);
OslCard       *osl_deck_get_card         (OslDeck      *deck,
                                          guint         index);
OslCard      **osl_deck_peek_cards       (OslDeck      *deck);
OslCard       *osl_deck_lookup           (OslDeck      *deck,
                                          const char   *id);
gint           osl_deck_index_of         (OslDeck      *deck,
                                          const char   *id);
void           osl_deck_add_card         (OslDeck      *deck,
                                          OslCard      *card);
void           osl_deck_replace_card     (OslDeck      *deck,
                                          guint         index,
                                          OslCard      *card);
char          *osl_deck_make_card_id     (OslDeck      *deck,
                                          const char   *front);
guint          osl_deck_merge            (OslDeck      *deck,
                                          OslDeck      *other);

OslDeck       *osl_deck_parse            (const char   *data,
                                          gssize        length,
                                          GError      **error);
OslDeck       *osl_deck_load             (const char   *path,
                                          GError      **error);
char          *osl_deck_to_json          (OslDeck      *deck,
                                          gsize        *length);
gboolean       osl_deck_save             (OslDeck      *deck,
                                          const char   *path,
                                          GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslDeck, osl_deck_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslCard, osl_card_free)

G_END_DECLS
