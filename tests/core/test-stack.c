/* test-stack.c: the stacks of the lecture, bottom to top
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-stack.h"

static void
test_layers_bottom_to_top (void)
{
  for (guint k = 0; k < OSL_N_STACKS; k++)
    {
      const OslStack *stack = osl_stack_get (k);

      g_assert_cmpint (stack->kind, ==, k);
      g_assert_cmpint (stack->layers[0].role, ==, OSL_LAYER_HARDWARE);
      g_assert_cmpint (stack->layers[stack->n_layers - 1].role, ==, OSL_LAYER_APP);
      g_assert_cmpuint (stack->first_isolated, <, stack->n_layers);
      /* Below the boundary, one shared layer; above it, one per instance. */
      for (guint i = 0; i < stack->n_layers; i++)
        g_assert_cmpuint (stack->layers[i].instances, ==, i < stack->first_isolated ? 1 : 2);
    }
}

/* Card 37: VM = hypervisor > guest OS > bins/libs > app; containers =
 * OS > engine > bins/libs > app with one shared kernel. */
static void
test_vm_and_container_structure (void)
{
  const OslStack *vm = osl_stack_get (OSL_STACK_TYPE1);
  const OslStack *containers = osl_stack_get (OSL_STACK_CONTAINERS);
  g_autofree char *guest = NULL, *hypervisor = NULL, *engine = NULL;

  g_assert_cmpint (vm->layers[1].role, ==, OSL_LAYER_HYPERVISOR);
  g_assert_cmpint (vm->layers[2].role, ==, OSL_LAYER_KERNEL);
  g_assert_cmpuint (vm->layers[2].instances, ==, 2);          /* a kernel per VM */
  g_assert_cmpint (containers->layers[1].role, ==, OSL_LAYER_KERNEL);
  g_assert_cmpuint (containers->layers[1].instances, ==, 1);  /* one shared kernel */
  g_assert_cmpint (containers->layers[2].role, ==, OSL_LAYER_ENGINE);
  hypervisor = osl_stack_layer_privilege (&vm->layers[1]);
  guest = osl_stack_layer_privilege (&vm->layers[2]);
  engine = osl_stack_layer_privilege (&containers->layers[2]);
  g_assert_cmpstr (hypervisor, ==, "VMX root · ring 0");
  g_assert_cmpstr (guest, ==, "VMX non-root · ring 0");
  g_assert_cmpstr (engine, ==, "ring 3");
  g_assert_nonnull (osl_stack_find_layer (osl_stack_get (OSL_STACK_TYPE2), "host-os"));
  g_assert_cmpint (osl_stack_find_layer (osl_stack_get (OSL_STACK_TYPE2), "hypervisor")->ring, ==, 3);
  g_assert_nonnull (strstr (vm->examples, "KVM"));
  g_assert_nonnull (strstr (osl_stack_get (OSL_STACK_TYPE2)->examples, "VirtualBox"));
  g_assert_nonnull (strstr (osl_stack_get (OSL_STACK_LANGUAGE_VM)->examples, "JVM"));
}

static void
test_tables (void)
{
  guint n = 0;

  g_assert_nonnull (osl_stack_get_contrasts (&n));
  g_assert_cmpuint (n, >=, 4);
  osl_stack_get_typical_figures (&n);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (g_strv_length ((char **) osl_stack_get_similarities ()), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) osl_stack_get_goals ()), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) osl_stack_get_requirements ()), ==, 3);
  osl_stack_get_virtualization_kinds (&n);
  g_assert_cmpuint (n, ==, 3);
  osl_stack_get_hardware_support (&n);
  g_assert_cmpuint (n, ==, 3);
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  OslStackKind kind;

  g_assert_true (osl_stack_parse_kind ("type2", &kind, NULL));
  g_assert_cmpint (kind, ==, OSL_STACK_TYPE2);
  g_assert_false (osl_stack_parse_kind ("type3", &kind, &error));
  g_assert_cmpstr (error->message, ==, "“type3” is not a stack; choose bare-metal, type1, type2, containers or language-vm.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stack/layers-bottom-to-top", test_layers_bottom_to_top);
  g_test_add_func ("/stack/vm-and-container-structure", test_vm_and_container_structure);
  g_test_add_func ("/stack/tables", test_tables);
  g_test_add_func ("/stack/parse", test_parse);
  return g_test_run ();
}
