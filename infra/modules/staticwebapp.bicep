// The front end's home (the web front end comes with a later issue).
param location string
param namePrefix string
param tags object

resource web 'Microsoft.Web/staticSites@2023-12-01' = {
  name: '${namePrefix}-web'
  location: location
  tags: union(tags, { 'azd-service-name': 'web' })
  sku: { name: 'Free', tier: 'Free' }
  properties: {}
}

output url string = 'https://${web.properties.defaultHostname}'
