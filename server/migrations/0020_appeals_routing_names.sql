-- Cold-start routing as data an administrator can extend (docs/decisions/0020-cold-start-routing.md).
--
-- recognised_names: the other ways people write a department in an appeal (发改委, 城管, 市监局 …),
-- besides its full name and official short name. keywords: words of an appeal that point to a
-- category's function (留抵退税, 施工许可 …), hence to its default department.
--
-- NULL means "never set": the seed fills it once from the city profile on the next start (a database
-- seeded before this migration gets the city's forms and words); an administrator's save always
-- writes an array, possibly empty, which the seed then leaves alone.
ALTER TABLE departments ADD COLUMN recognised_names text[];
ALTER TABLE appeal_categories ADD COLUMN keywords text[];
