// SPDX-License-Identifier: GPL-3.0-or-later

extension Money {
    /// The first half of a grant, paid at signature [000 §3.4.1]: half the amount rounded
    /// half-up to the cent (1 000,01 € → 500,01 €; the second half is the rest, 500,00 €).
    public var firstHalf: Money { Money(cents: cents / 2 + cents % 2) }
}
