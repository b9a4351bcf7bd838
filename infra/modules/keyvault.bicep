// Secrets the app reads through Key Vault references (the SMTP password) and the key that wraps the LMS webhook
// secrets it keeps in Table Storage. Access by Azure RBAC only.
param location string
param name string
param tags object

@secure()
@description('SMTP password; stored here and referenced from the app settings, never placed in them.')
param smtpPassword string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource smtp 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: 'smtp-password'
  properties: { value: smtpPassword }
}

// The app wraps and unwraps each webhook secret's data key with it (RSA-OAEP-256); its private part never leaves the vault.
resource webhookSecretsKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'webhook-secrets'
  properties: {
    kty: 'RSA'
    keySize: 3072
    keyOps: ['wrapKey', 'unwrapKey']
  }
}

output name string = vault.name
output webhookSecretsKeyUri string = webhookSecretsKey.properties.keyUri
output id string = vault.id
