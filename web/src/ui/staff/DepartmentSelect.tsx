import { Select, type SelectProps } from 'antd'
import type { DepartmentOption } from '../department-options'

type Props = Omit<SelectProps<string, DepartmentOption>, 'options' | 'optionRender' | 'showSearch'> & {
  options: DepartmentOption[]
}

/**
 * A department picker: the list is indented like the tree, the chosen value shows the plain name,
 * and typing searches name, short name and code.
 */
export function DepartmentSelect({ options, ...props }: Props) {
  return (
    <Select<string, DepartmentOption>
      {...props}
      options={options}
      showSearch={{ optionFilterProp: 'search' }}
      optionRender={(option) => (
        <span style={{ paddingInlineStart: (option.data.depth ?? 0) * 16 }}>{option.data.label}</span>
      )}
    />
  )
}
