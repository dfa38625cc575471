{
  "{{moduleCamel}}": {
    "mine": {
      "title": "My {{casesWordsEn}}",
      "empty": "No {{casesWordsEn}} yet."
    },
    "states": {
      "draft": "Draft",
      "submitted": "Submitted"
    }
  }
}
