import { lazy, Suspense, type ComponentType } from 'react'
import { registeredFeatures } from './feature-registry'
import type { SlotName, SlotProps } from './slot-types'

const fillersByName = new Map<SlotName, ComponentType<any>[]>()

/** The lazy components the listed features put in one slot, made once so React keeps their state. */
function fillersOf(name: SlotName): ComponentType<any>[] {
  let fillers = fillersByName.get(name)
  if (!fillers) {
    fillers = registeredFeatures().flatMap((feature) => {
      const load = feature.slots?.[name] as (() => Promise<ComponentType<any>>) | undefined
      return load ? [lazy(async () => ({ default: await load() }))] : []
    })
    fillersByName.set(name, fillers)
  }
  return fillers
}

/** Shows what other features put in this place of a page (nothing when no listed feature does). */
export function Slot<K extends SlotName>({ name, ...props }: { name: K } & SlotProps[K]) {
  const fillers = fillersOf(name)
  if (!fillers.length) return null
  return (
    <Suspense fallback={null}>
      {fillers.map((Filler, index) => (
        <Filler key={index} {...props} />
      ))}
    </Suspense>
  )
}
