// Logs and telemetry: a Log Analytics workspace and the Application Insights the function app reports to.
param location string
param namePrefix string
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry only with Entra authentication (the app's managed identity), not with the instrumentation key alone.
    DisableLocalAuth: true
  }
}

output insightsName string = insights.name
output insightsConnectionString string = insights.properties.ConnectionString
