// Certifications in Azure: storage, the function app on Flex Consumption with a managed identity, monitoring,
// Key Vault and a Static Web App for the front end. Deployed by `azd up` (azure.yaml at the root).
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment; resources are named after it.')
param environmentName string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Region of the Static Web App (offered in fewer regions than the rest).')
param webLocation string = 'westeurope'

@description('OpenID Connect authority of the API tokens: Entra ID\'s multi-tenant endpoint, since each organization signs in from its own tenant.')
param authAuthority string = '${environment().authentication.loginEndpoint}organizations/v2.0'

@description('The API app registration\'s application id URI (one accepted audience of its tokens).')
param authAudience string = 'api://certifications'

@description('The API app registration\'s client id (the audience of v2.0 access tokens).')
param authClientId string

@description('SMTP server for e-mail (STARTTLS required), e.g. smtp.azurecomm.net: invitations go out by e-mail, so there is no app without it.')
param smtpHost string

param smtpPort int = 587

param smtpUserName string = ''

@secure()
@description('SMTP password; kept in Key Vault and referenced from the app settings.')
param smtpPassword string = ''

@description('Sender of the product\'s e-mail.')
param smtpFrom string = 'Certifications <no-reply@example.com>'

@description('Public https address of the app (a custom domain), used in e-mail links and every certificate\'s QR code; defaults to the function app\'s own.')
param publicBaseUrl string = ''

@description('Origins allowed to call the API from a browser, besides the Static Web App.')
param extraCorsOrigins array = []

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var namePrefix = 'cert-${take(token, 8)}'
var tags = { 'azd-env-name': environmentName }

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { location: location, namePrefix: namePrefix, tags: tags }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: { location: location, name: 'cert${token}', tags: tags }
}

module events 'modules/events.bicep' = {
  name: 'events'
  params: { location: location, name: '${namePrefix}-storage-events', tags: tags, storageAccountId: storage.outputs.id }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: { location: location, name: 'kv-${take(token, 18)}', tags: tags, smtpPassword: smtpPassword }
}

module web 'modules/staticwebapp.bicep' = {
  name: 'web'
  params: { location: webLocation, namePrefix: namePrefix, tags: tags }
}

module api 'modules/functionapp.bicep' = {
  name: 'api'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    insightsConnectionString: monitoring.outputs.insightsConnectionString
    corsOrigins: concat([web.outputs.url], extraCorsOrigins)
    appSettings: {
      Auth__Authority: authAuthority
      Auth__Audience: authAudience
      Auth__ClientId: authClientId
      Smtp__Host: smtpHost
      Smtp__Port: string(smtpPort)
      Smtp__UserName: smtpUserName
      Smtp__Password: empty(smtpPassword) ? '' : '@Microsoft.KeyVault(VaultName=${vault.outputs.name};SecretName=smtp-password)'
      Smtp__From: smtpFrom
      Secrets__KeyVaultKeyUri: vault.outputs.webhookSecretsKeyUri
      // Links in e-mails and calendar files open pages of the web app, which the Static Web App serves.
      WebBaseUrl: web.outputs.url
    }
    publicBaseUrl: publicBaseUrl
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: api.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    insightsName: monitoring.outputs.insightsName
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output FUNCTION_APP_NAME string = api.outputs.name
output EVENT_GRID_TOPIC_NAME string = events.outputs.name
output API_URL string = api.outputs.url
output WEB_URL string = web.outputs.url
output WEBHOOK_URL_TEMPLATE string = '${api.outputs.url}/api/webhooks/lms/{organizationId}'
