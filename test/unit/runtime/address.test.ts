/** A page's address and history entry (src/runtime/address.ts): pushed per page change, replaced at launch, nothing when Back/Forward already put it there. */
import { describe, expect, it } from 'vitest'
import { addressStep, pageOfHash } from '../../../src/runtime/address.js'

describe('page address', () => {
  it('reads the page id of an address, with or without the slash', () => {
    expect(pageOfHash('#/rgpd-ecole/registre')).toBe('rgpd-ecole/registre')
    expect(pageOfHash('#rgpd-ecole/registre')).toBe('rgpd-ecole/registre')
    expect(pageOfHash('')).toBe('')
    expect(pageOfHash('#')).toBe('')
  })

  it('replaces the launch entry, so that a reload stays on its page and Back still leaves from the first page shown', () => {
    expect(addressStep('', 'm/p1', true)).toBe('replace')
    expect(addressStep('#/m/p3', 'm/p1', true)).toBe('replace')
  })

  it('pushes one entry per page change', () => {
    expect(addressStep('#/m/p1', 'm/p2', false)).toBe('push')
    // An in-page anchor (a footnote) left its own address: the next page still gets an entry.
    expect(addressStep('#fn1', 'm/p2', false)).toBe('push')
  })

  it('writes nothing when the address is already the page (Back, Forward, a reload on that page)', () => {
    expect(addressStep('#/m/p1', 'm/p1', false)).toBeNull()
    expect(addressStep('#/m/p1', 'm/p1', true)).toBeNull()
  })
})
