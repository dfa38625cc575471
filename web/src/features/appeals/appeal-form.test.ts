import { describe, expect, it } from 'vitest'
import { similarQueryText } from './appeal-form'

describe('filing', () => {
  it('searches for similar appeals only once there is enough text', () => {
    expect(similarQueryText('停电', '')).toBe('')
    expect(similarQueryText(' 厂区停电三天 ', undefined)).toBe('厂区停电三天')
    expect(similarQueryText('停电', '已经三天了')).toBe('停电 已经三天了')
  })
})
