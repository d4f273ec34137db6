MATCH (r:Region)<-[:FOR_REGION]-(d:Document)-[:CITES]->(p:Policy)
WHERE r.name = $region OR r.id = $region
RETURN p.title AS policy,
       CASE WHEN p.title =~ '.*(国务院|教育部|中共中央|全国|国家).*' OR p.title ENDS WITH '法' THEN 'national'
            WHEN p.title =~ '.*(省|自治区).*' THEN 'provincial'
            WHEN p.title =~ '.*[市州县区].*' THEN 'local'
            ELSE 'unknown' END AS level,
       d.year AS year, d.title AS document
ORDER BY level, policy
