/* osl-page.c: what the window asks of each of the four views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-page.h"

G_DEFINE_INTERFACE (OslPage, osl_page, GTK_TYPE_WIDGET)

static void
osl_page_default_init (OslPageInterface *iface)
{
}

void
osl_page_step_forward (OslPage *self)
{
  g_return_if_fail (OSL_IS_PAGE (self));
  if (OSL_PAGE_GET_IFACE (self)->step_forward != NULL)
    OSL_PAGE_GET_IFACE (self)->step_forward (self);
}

void
osl_page_step_back (OslPage *self)
{
  g_return_if_fail (OSL_IS_PAGE (self));
  if (OSL_PAGE_GET_IFACE (self)->step_back != NULL)
    OSL_PAGE_GET_IFACE (self)->step_back (self);
}

void
osl_page_play_pause (OslPage *self)
{
  g_return_if_fail (OSL_IS_PAGE (self));
  if (OSL_PAGE_GET_IFACE (self)->play_pause != NULL)
    OSL_PAGE_GET_IFACE (self)->play_pause (self);
}

void
osl_page_restart (OslPage *self)
{
  g_return_if_fail (OSL_IS_PAGE (self));
  if (OSL_PAGE_GET_IFACE (self)->restart != NULL)
    OSL_PAGE_GET_IFACE (self)->restart (self);
}

/**
 * osl_page_build_scene:
 *
 * Returns: (transfer full) (nullable): the page's diagram for an export
 * of @width × @height logical pixels
 */
OslScene *
osl_page_build_scene (OslPage *self,
                      double   width,
                      double   height)
{
  g_return_val_if_fail (OSL_IS_PAGE (self), NULL);
  if (OSL_PAGE_GET_IFACE (self)->build_scene == NULL)
    return NULL;
  return OSL_PAGE_GET_IFACE (self)->build_scene (self, width, height);
}

gboolean
osl_page_can_open (OslPage *self)
{
  return OSL_PAGE_GET_IFACE (self)->open_file != NULL;
}

gboolean
osl_page_open_file (OslPage  *self,
                    GFile    *file,
                    GError  **error)
{
  g_return_val_if_fail (OSL_IS_PAGE (self), FALSE);
  g_return_val_if_fail (osl_page_can_open (self), FALSE);
  return OSL_PAGE_GET_IFACE (self)->open_file (self, file, error);
}

gboolean
osl_page_can_save (OslPage *self)
{
  return OSL_PAGE_GET_IFACE (self)->save_file != NULL;
}

gboolean
osl_page_save_file (OslPage  *self,
                    GFile    *file,
                    GError  **error)
{
  g_return_val_if_fail (OSL_IS_PAGE (self), FALSE);
  g_return_val_if_fail (osl_page_can_save (self), FALSE);
  return OSL_PAGE_GET_IFACE (self)->save_file (self, file, error);
}

/**
 * osl_page_show_state:
 * @state: a state name from the deck, e.g. "preset:lecture-example"
 *
 * Returns: whether the page knew the state and now shows it
 */
gboolean
osl_page_show_state (OslPage    *self,
                     const char *state)
{
  g_return_val_if_fail (OSL_IS_PAGE (self), FALSE);
  if (OSL_PAGE_GET_IFACE (self)->show_state == NULL || state == NULL)
    return FALSE;
  return OSL_PAGE_GET_IFACE (self)->show_state (self, state);
}
