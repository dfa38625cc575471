import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'notify.problem-classes.solved.title': '您反映的问题已纳入每月一题并解决',
  'notify.problem-classes.solved.body': '您反映的问题属于“{name}”，现已解决：{summary}',
  'notify.problem-classes.task.title': '每月一题任务',
  'notify.problem-classes.task.body': '“{name}”分派给本单位的任务：{task}，{dueOn} 前完成',
})
registerMessages('en', {
  'notify.problem-classes.solved.title': 'The problem you reported was solved as a monthly problem',
  'notify.problem-classes.solved.body':
    'What you reported belongs to "{name}", which is now solved: {summary}',
  'notify.problem-classes.task.title': 'Monthly problem task',
  'notify.problem-classes.task.body': '"{name}" gives your unit a task: {task}, due {dueOn}',
})
