/* test-vmx.c: VM exit and VM entry, step by step (Intel SDM exit reasons)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-vmx.h"

static void
test_exit_reasons (void)
{
  g_assert_cmpuint (osl_vmx_cause_get_info (OSL_VMX_CAUSE_CPUID)->exit_reason, ==, 10);
  g_assert_cmpuint (osl_vmx_cause_get_info (OSL_VMX_CAUSE_HLT)->exit_reason, ==, 12);
  g_assert_cmpuint (osl_vmx_cause_get_info (OSL_VMX_CAUSE_CR3_WRITE)->exit_reason, ==, 28);
  g_assert_cmpuint (osl_vmx_cause_get_info (OSL_VMX_CAUSE_IO)->exit_reason, ==, 30);
  g_assert_cmpuint (osl_vmx_cause_get_info (OSL_VMX_CAUSE_EPT_VIOLATION)->exit_reason, ==, 48);
}

/* Non-root until the exit, root while handling, non-root after entry. */
static void
test_modes_and_rings (void)
{
  OslVmxState state = osl_vmx_start (OSL_VMX_CAUSE_CPUID);
  static const OslVmxMode modes[] = {
    OSL_VMX_NON_ROOT, OSL_VMX_NON_ROOT, OSL_VMX_NON_ROOT, OSL_VMX_ROOT, OSL_VMX_ROOT, OSL_VMX_ROOT, OSL_VMX_NON_ROOT,
  };
  static const int rings[] = { 3, 0, 0, 0, 0, 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *text = osl_vmx_describe (state);

      g_assert_cmpint (osl_vmx_phase_mode (state.phase), ==, modes[i]);
      g_assert_cmpint (osl_vmx_phase_ring (state), ==, rings[i]);
      g_assert_cmpuint (strlen (text), >, 20);
      state = osl_vmx_step (state);
    }
  g_assert_cmpuint (state.exits, ==, 1);
  g_assert_cmpint (state.phase, ==, OSL_VMX_PHASE_GUEST_APP);   /* the loop starts over */
}

/* CPUID is skipped after handling; an EPT violation retries the instruction. */
static void
test_rip (void)
{
  OslVmxState cpuid = osl_vmx_start (OSL_VMX_CAUSE_CPUID);
  OslVmxState ept = osl_vmx_start (OSL_VMX_CAUSE_EPT_VIOLATION);
  guint64 start = cpuid.guest_rip;

  for (guint i = 0; i < OSL_VMX_N_PHASES; i++)
    {
      cpuid = osl_vmx_step (cpuid);
      ept = osl_vmx_step (ept);
    }
  g_assert_cmpuint (cpuid.guest_rip, ==, start + 3);
  g_assert_cmpuint (ept.guest_rip, ==, start);
  g_assert_false (osl_vmx_cause_get_info (OSL_VMX_CAUSE_EPT_VIOLATION)->advances_rip);
}

static void
test_step_back_and_parse (void)
{
  OslVmxState state = osl_vmx_start (OSL_VMX_CAUSE_IO);
  OslVmxState back;
  g_autoptr(GError) error = NULL;
  OslVmxCause cause;

  for (guint i = 0; i < 4; i++)
    state = osl_vmx_step (state);
  g_assert_cmpint (state.phase, ==, OSL_VMX_PHASE_HANDLER);
  g_assert_cmpint (osl_vmx_phase_ring (state), ==, 3);   /* QEMU's device model */
  back = osl_vmx_step_back (state);
  g_assert_cmpint (back.phase, ==, OSL_VMX_PHASE_VM_EXIT);
  g_assert_cmpuint (back.step, ==, 3);
  g_assert_true (osl_vmx_parse_cause ("ept", &cause, NULL));
  g_assert_cmpint (cause, ==, OSL_VMX_CAUSE_EPT_VIOLATION);
  g_assert_false (osl_vmx_parse_cause ("vmcall", &cause, &error));
  g_assert_error (error, OSL_VMX_ERROR, OSL_VMX_ERROR_UNKNOWN);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vmx/exit-reasons", test_exit_reasons);
  g_test_add_func ("/vmx/modes-and-rings", test_modes_and_rings);
  g_test_add_func ("/vmx/rip", test_rip);
  g_test_add_func ("/vmx/step-back-and-parse", test_step_back_and_parse);
  return g_test_run ();
}
