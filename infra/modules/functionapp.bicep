// The function app on the Flex Consumption plan (.NET 10 isolated worker), with a system-assigned identity and
// identity-based connections only: no keys or connection strings in its settings.
param location string
param namePrefix string
param tags object
param storageAccountName string
param storageBlobEndpoint string
param insightsConnectionString string
param appSettings object
param corsOrigins array

@description('The app\'s public https address; empty takes the function app\'s own host name. Printed in every QR code, so set it before the first certificate.')
param publicBaseUrl string

var appName = '${namePrefix}-api'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}deployment-package'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: 100, instanceMemoryMB: 2048 }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: { allowedOrigins: corsOrigins }
      appSettings: [for setting in items(union({
        AzureWebJobsStorage__accountName: storageAccountName
        AzureWebJobsStorage__credential: 'managedidentity'
        Storage__AccountName: storageAccountName
        APPLICATIONINSIGHTS_CONNECTION_STRING: insightsConnectionString
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
        PublicBaseUrl: empty(publicBaseUrl) ? 'https://${appName}.azurewebsites.net' : publicBaseUrl
        // The front end appends the address it saw to X-Forwarded-For: per-client limits key on it.
        TrustForwardedFor: 'true'
      }, appSettings)): { name: setting.key, value: setting.value }]
    }
  }
}

output name string = app.name
output principalId string = app.identity.principalId
output url string = 'https://${app.properties.defaultHostName}'
