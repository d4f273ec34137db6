MATCH (i:Institution)
WHERE i.name = $name OR i.name CONTAINS $name
MATCH (i)-[duty:RESPONSIBLE_FOR]->(item)
MATCH (d:Document {id: item.doc})
RETURN i.name AS institution, duty.role AS role, duty.source AS source, labels(item)[0] AS kind,
       coalesce(item.title, item.text) AS item, d.title AS document, item.id AS id
ORDER BY institution, role, document
LIMIT $limit
