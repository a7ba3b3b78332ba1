// SPDX-License-Identifier: MIT
// Placeholder: implemented for issue 10.
