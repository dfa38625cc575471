{
  "{{moduleCamel}}": {
    "mine": {
      "title": "我的{{caseLabelZh}}",
      "empty": "还没有{{caseLabelZh}}。"
    },
    "states": {
      "draft": "草稿",
      "submitted": "已提交"
    }
  }
}
