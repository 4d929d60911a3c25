export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "12"
  }
  public: {
    Tables: {
      action_effects: {
        Row: {
          id: string
          workspace_id: string
          campaign_id: string
          action_id: string
          action_type: string
          metric: "sales" | "revenue" | "conversions" | "roas" | "cpa" | "clicks" | "impressions" | "spend"
          change_pct: number
          lower_pct: number
          upper_pct: number
          significant: boolean
          note: string | null
          details: Json
          computed_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          campaign_id: string
          action_id: string
          action_type: string
          metric: "sales" | "revenue" | "conversions" | "roas" | "cpa" | "clicks" | "impressions" | "spend"
          change_pct: number
          lower_pct: number
          upper_pct: number
          significant: boolean
          note?: string | null
          details?: Json
          computed_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          campaign_id?: string
          action_id?: string
          action_type?: string
          metric?: "sales" | "revenue" | "conversions" | "roas" | "cpa" | "clicks" | "impressions" | "spend"
          change_pct?: number
          lower_pct?: number
          upper_pct?: number
          significant?: boolean
          note?: string | null
          details?: Json
          computed_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "action_effects_action_id_fkey"
            columns: ["action_id"]
            isOneToOne: true
            referencedRelation: "marketer_actions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "action_effects_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "action_effects_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ai_alerts: {
        Row: {
          id: string
          workspace_id: string
          campaign_id: string
          correlation_id: string | null
          trigger_action_id: string | null
          severity: "high" | "medium" | "low"
          title: string
          description: string | null
          detected_at: string
          correlation_data: Json
          suggested_action: Json | null
          status: "active" | "resolved" | "dismissed"
          confidence: number
          source: "rules" | "llm"
          finding_key: string
          revert_action_id: string | null
          resolved_at: string | null
          resolved_by: string | null
          resolution_note: string | null
          created_at: string
          updated_at: string
          dismiss_reason: "wrong_cause" | "expected_change" | "noise" | null
        }
        Insert: {
          id?: string
          workspace_id: string
          campaign_id: string
          correlation_id?: string | null
          trigger_action_id?: string | null
          severity: "high" | "medium" | "low"
          title: string
          description?: string | null
          detected_at?: string
          correlation_data?: Json
          suggested_action?: Json | null
          status?: "active" | "resolved" | "dismissed"
          confidence: number
          source: "rules" | "llm"
          finding_key: string
          revert_action_id?: string | null
          resolved_at?: string | null
          resolved_by?: string | null
          resolution_note?: string | null
          created_at?: string
          updated_at?: string
          dismiss_reason?: "wrong_cause" | "expected_change" | "noise" | null
        }
        Update: {
          id?: string
          workspace_id?: string
          campaign_id?: string
          correlation_id?: string | null
          trigger_action_id?: string | null
          severity?: "high" | "medium" | "low"
          title?: string
          description?: string | null
          detected_at?: string
          correlation_data?: Json
          suggested_action?: Json | null
          status?: "active" | "resolved" | "dismissed"
          confidence?: number
          source?: "rules" | "llm"
          finding_key?: string
          revert_action_id?: string | null
          resolved_at?: string | null
          resolved_by?: string | null
          resolution_note?: string | null
          created_at?: string
          updated_at?: string
          dismiss_reason?: "wrong_cause" | "expected_change" | "noise" | null
        }
        Relationships: [
          {
            foreignKeyName: "ai_alerts_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ai_alerts_correlation_id_fkey"
            columns: ["correlation_id"]
            isOneToOne: false
            referencedRelation: "correlations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ai_alerts_revert_action_id_fkey"
            columns: ["revert_action_id"]
            isOneToOne: false
            referencedRelation: "marketer_actions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ai_alerts_trigger_action_id_fkey"
            columns: ["trigger_action_id"]
            isOneToOne: false
            referencedRelation: "marketer_actions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ai_alerts_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      analysis_runs: {
        Row: {
          id: string
          workspace_id: string | null
          campaign_ids: string[]
          trigger: "manual" | "schedule" | "cli" | "seed"
          status: "running" | "succeeded" | "failed"
          started_at: string
          finished_at: string | null
          correlations_written: number
          alerts_written: number
          alerts_resolved: number
          model: string | null
          llm_outcome: string | null
          prompt_tokens: number | null
          completion_tokens: number | null
          latency_ms: number | null
          error: string | null
          created_by: string | null
        }
        Insert: {
          id?: string
          workspace_id?: string | null
          campaign_ids?: string[]
          trigger: "manual" | "schedule" | "cli" | "seed"
          status?: "running" | "succeeded" | "failed"
          started_at?: string
          finished_at?: string | null
          correlations_written?: number
          alerts_written?: number
          alerts_resolved?: number
          model?: string | null
          llm_outcome?: string | null
          prompt_tokens?: number | null
          completion_tokens?: number | null
          latency_ms?: number | null
          error?: string | null
          created_by?: string | null
        }
        Update: {
          id?: string
          workspace_id?: string | null
          campaign_ids?: string[]
          trigger?: "manual" | "schedule" | "cli" | "seed"
          status?: "running" | "succeeded" | "failed"
          started_at?: string
          finished_at?: string | null
          correlations_written?: number
          alerts_written?: number
          alerts_resolved?: number
          model?: string | null
          llm_outcome?: string | null
          prompt_tokens?: number | null
          completion_tokens?: number | null
          latency_ms?: number | null
          error?: string | null
          created_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "analysis_runs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      audit_log: {
        Row: {
          id: number
          workspace_id: string | null
          table_name: string
          row_id: string | null
          action: "INSERT" | "UPDATE" | "DELETE"
          actor: string | null
          actor_role: string | null
          old_values: Json | null
          new_values: Json | null
          created_at: string
        }
        Insert: {
          id?: never
          workspace_id?: string | null
          table_name: string
          row_id?: string | null
          action: "INSERT" | "UPDATE" | "DELETE"
          actor?: string | null
          actor_role?: string | null
          old_values?: Json | null
          new_values?: Json | null
          created_at?: string
        }
        Update: {
          id?: never
          workspace_id?: string | null
          table_name?: string
          row_id?: string | null
          action?: "INSERT" | "UPDATE" | "DELETE"
          actor?: string | null
          actor_role?: string | null
          old_values?: Json | null
          new_values?: Json | null
          created_at?: string
        }
        Relationships: []
      }
      campaign_phases: {
        Row: {
          id: string
          workspace_id: string
          campaign_id: string
          name: string
          position: number
          planned_start: string | null
          planned_days: number
          actual_start: string | null
          actual_end: string | null
          required_assets: number
          delivered_assets: number
          approvals_planned: number
          approvals_actual: number
          teams: string[]
          tools: string[]
          notes: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          campaign_id: string
          name: string
          position: number
          planned_start?: string | null
          planned_days: number
          actual_start?: string | null
          actual_end?: string | null
          required_assets?: number
          delivered_assets?: number
          approvals_planned?: number
          approvals_actual?: number
          teams?: string[]
          tools?: string[]
          notes?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          campaign_id?: string
          name?: string
          position?: number
          planned_start?: string | null
          planned_days?: number
          actual_start?: string | null
          actual_end?: string | null
          required_assets?: number
          delivered_assets?: number
          approvals_planned?: number
          approvals_actual?: number
          teams?: string[]
          tools?: string[]
          notes?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "campaign_phases_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "campaign_phases_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      campaigns: {
        Row: {
          id: string
          workspace_id: string
          name: string
          objective: "sales" | "leads" | "awareness"
          industry: string | null
          budget: number | null
          currency: string
          audience: Json
          platform: "meta" | "google" | "tiktok" | "multi"
          ad_link: string | null
          meta_pixel_id: string | null
          ads_account_id: string | null
          website_tracking: boolean
          promo_tracking: boolean
          keywords: string[]
          primary_kpi: "sales" | "roas" | "cpa" | "engagement" | null
          kpi_target: number | null
          kpi_window_days: number | null
          planned_launch: string | null
          peak_start: string | null
          peak_end: string | null
          status: "draft" | "planned" | "active" | "completed" | "paused"
          decision: "proceed" | "adjust" | "pause" | null
          decision_note: string | null
          decided_by: string | null
          decided_at: string | null
          created_by: string | null
          created_at: string
          updated_at: string
          meta_campaign_ids: string[]
          meta_adset_ids: string[]
          meta_ad_ids: string[]
          utm_campaign: string | null
        }
        Insert: {
          id?: string
          workspace_id: string
          name: string
          objective: "sales" | "leads" | "awareness"
          industry?: string | null
          budget?: number | null
          currency?: string
          audience?: Json
          platform?: "meta" | "google" | "tiktok" | "multi"
          ad_link?: string | null
          meta_pixel_id?: string | null
          ads_account_id?: string | null
          website_tracking?: boolean
          promo_tracking?: boolean
          keywords?: string[]
          primary_kpi?: "sales" | "roas" | "cpa" | "engagement" | null
          kpi_target?: number | null
          kpi_window_days?: number | null
          planned_launch?: string | null
          peak_start?: string | null
          peak_end?: string | null
          status?: "draft" | "planned" | "active" | "completed" | "paused"
          decision?: "proceed" | "adjust" | "pause" | null
          decision_note?: string | null
          decided_by?: string | null
          decided_at?: string | null
          created_by?: string | null
          created_at?: string
          updated_at?: string
          meta_campaign_ids?: string[]
          meta_adset_ids?: string[]
          meta_ad_ids?: string[]
          utm_campaign?: string | null
        }
        Update: {
          id?: string
          workspace_id?: string
          name?: string
          objective?: "sales" | "leads" | "awareness"
          industry?: string | null
          budget?: number | null
          currency?: string
          audience?: Json
          platform?: "meta" | "google" | "tiktok" | "multi"
          ad_link?: string | null
          meta_pixel_id?: string | null
          ads_account_id?: string | null
          website_tracking?: boolean
          promo_tracking?: boolean
          keywords?: string[]
          primary_kpi?: "sales" | "roas" | "cpa" | "engagement" | null
          kpi_target?: number | null
          kpi_window_days?: number | null
          planned_launch?: string | null
          peak_start?: string | null
          peak_end?: string | null
          status?: "draft" | "planned" | "active" | "completed" | "paused"
          decision?: "proceed" | "adjust" | "pause" | null
          decision_note?: string | null
          decided_by?: string | null
          decided_at?: string | null
          created_by?: string | null
          created_at?: string
          updated_at?: string
          meta_campaign_ids?: string[]
          meta_adset_ids?: string[]
          meta_ad_ids?: string[]
          utm_campaign?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "campaigns_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      correlations: {
        Row: {
          id: string
          workspace_id: string
          campaign_id: string
          action_id: string
          metric: "sales" | "revenue" | "spend" | "roas" | "cpa" | "impressions" | "clicks" | "conversions" | "engagement"
          change_pct: number
          lag_hours: number | null
          strength: "strong" | "moderate" | "weak"
          confidence: number
          method: "rules" | "llm"
          insight: string | null
          details: Json
          finding_key: string
          detected_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          campaign_id: string
          action_id: string
          metric: "sales" | "revenue" | "spend" | "roas" | "cpa" | "impressions" | "clicks" | "conversions" | "engagement"
          change_pct: number
          lag_hours?: number | null
          strength: "strong" | "moderate" | "weak"
          confidence: number
          method: "rules" | "llm"
          insight?: string | null
          details?: Json
          finding_key: string
          detected_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          campaign_id?: string
          action_id?: string
          metric?: "sales" | "revenue" | "spend" | "roas" | "cpa" | "impressions" | "clicks" | "conversions" | "engagement"
          change_pct?: number
          lag_hours?: number | null
          strength?: "strong" | "moderate" | "weak"
          confidence?: number
          method?: "rules" | "llm"
          insight?: string | null
          details?: Json
          finding_key?: string
          detected_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "correlations_action_id_fkey"
            columns: ["action_id"]
            isOneToOne: false
            referencedRelation: "marketer_actions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "correlations_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "correlations_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      feasibility_assessments: {
        Row: {
          id: string
          workspace_id: string
          campaign_id: string
          score: number
          risks: Json
          benchmarks: Json
          recommended_decision: "proceed" | "adjust" | "pause"
          prescriptions: Json
          similar_campaigns: Json
          decision: "proceed" | "adjust" | "pause" | null
          decision_note: string | null
          decided_by: string | null
          decided_at: string | null
          created_by: string | null
          created_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          campaign_id: string
          score: number
          risks?: Json
          benchmarks?: Json
          recommended_decision: "proceed" | "adjust" | "pause"
          prescriptions?: Json
          similar_campaigns?: Json
          decision?: "proceed" | "adjust" | "pause" | null
          decision_note?: string | null
          decided_by?: string | null
          decided_at?: string | null
          created_by?: string | null
          created_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          campaign_id?: string
          score?: number
          risks?: Json
          benchmarks?: Json
          recommended_decision?: "proceed" | "adjust" | "pause"
          prescriptions?: Json
          similar_campaigns?: Json
          decision?: "proceed" | "adjust" | "pause" | null
          decision_note?: string | null
          decided_by?: string | null
          decided_at?: string | null
          created_by?: string | null
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "feasibility_assessments_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "feasibility_assessments_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ingest_keys: {
        Row: {
          id: string
          workspace_id: string
          key_hash: string
          label: string
          created_by: string | null
          created_at: string
          revoked_at: string | null
        }
        Insert: {
          id?: string
          workspace_id: string
          key_hash: string
          label: string
          created_by?: string | null
          created_at?: string
          revoked_at?: string | null
        }
        Update: {
          id?: string
          workspace_id?: string
          key_hash?: string
          label?: string
          created_by?: string | null
          created_at?: string
          revoked_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "ingest_keys_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      marketer_actions: {
        Row: {
          id: string
          workspace_id: string
          campaign_id: string
          action_type: "creative_change" | "budget_adjustment" | "audience_targeting" | "ad_copy_update" | "posting_schedule_change" | "bidding_change" | "pause_ads" | "duplicate_ad_set" | "other"
          title: string
          description: string | null
          occurred_at: string
          metadata: Json
          status: "planned" | "in_progress" | "completed" | "reverted"
          impact: "positive" | "negative" | "neutral"
          completed_at: string | null
          reverts_action_id: string | null
          created_by: string | null
          created_at: string
          updated_at: string
          position: string
          source: "manual" | "meta"
          external_id: string | null
          external_url: string | null
          actor_name: string | null
        }
        Insert: {
          id?: string
          workspace_id: string
          campaign_id: string
          action_type: "creative_change" | "budget_adjustment" | "audience_targeting" | "ad_copy_update" | "posting_schedule_change" | "bidding_change" | "pause_ads" | "duplicate_ad_set" | "other"
          title: string
          description?: string | null
          occurred_at?: string
          metadata?: Json
          status: "planned" | "in_progress" | "completed" | "reverted"
          impact?: "positive" | "negative" | "neutral"
          completed_at?: string | null
          reverts_action_id?: string | null
          created_by?: string | null
          created_at?: string
          updated_at?: string
          position?: string
          source?: "manual" | "meta"
          external_id?: string | null
          external_url?: string | null
          actor_name?: string | null
        }
        Update: {
          id?: string
          workspace_id?: string
          campaign_id?: string
          action_type?: "creative_change" | "budget_adjustment" | "audience_targeting" | "ad_copy_update" | "posting_schedule_change" | "bidding_change" | "pause_ads" | "duplicate_ad_set" | "other"
          title?: string
          description?: string | null
          occurred_at?: string
          metadata?: Json
          status?: "planned" | "in_progress" | "completed" | "reverted"
          impact?: "positive" | "negative" | "neutral"
          completed_at?: string | null
          reverts_action_id?: string | null
          created_by?: string | null
          created_at?: string
          updated_at?: string
          position?: string
          source?: "manual" | "meta"
          external_id?: string | null
          external_url?: string | null
          actor_name?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "marketer_actions_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "marketer_actions_reverts_action_id_fkey"
            columns: ["reverts_action_id"]
            isOneToOne: false
            referencedRelation: "marketer_actions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "marketer_actions_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      meta_connections: {
        Row: {
          id: string
          workspace_id: string
          ad_account_id: string
          account_name: string | null
          currency: string | null
          timezone_name: string | null
          kind: "system_user_token" | "oauth" | "sandbox"
          status: "active" | "needs_reconnect" | "revoked"
          status_reason: string | null
          token_hint: string | null
          token_expires_at: string | null
          connected_by: string | null
          connected_at: string
          last_sync_at: string | null
          last_sync_status: "running" | "succeeded" | "partial" | "failed" | null
          activities_synced_until: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          ad_account_id: string
          account_name?: string | null
          currency?: string | null
          timezone_name?: string | null
          kind: "system_user_token" | "oauth" | "sandbox"
          status?: "active" | "needs_reconnect" | "revoked"
          status_reason?: string | null
          token_hint?: string | null
          token_expires_at?: string | null
          connected_by?: string | null
          connected_at?: string
          last_sync_at?: string | null
          last_sync_status?: "running" | "succeeded" | "partial" | "failed" | null
          activities_synced_until?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          ad_account_id?: string
          account_name?: string | null
          currency?: string | null
          timezone_name?: string | null
          kind?: "system_user_token" | "oauth" | "sandbox"
          status?: "active" | "needs_reconnect" | "revoked"
          status_reason?: string | null
          token_hint?: string | null
          token_expires_at?: string | null
          connected_by?: string | null
          connected_at?: string
          last_sync_at?: string | null
          last_sync_status?: "running" | "succeeded" | "partial" | "failed" | null
          activities_synced_until?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "meta_connections_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      meta_sync_runs: {
        Row: {
          id: string
          workspace_id: string
          connection_id: string | null
          campaign_ids: string[]
          trigger: "manual" | "schedule" | "connect" | "cli"
          status: "running" | "succeeded" | "partial" | "failed"
          stage: string | null
          progress: number
          since: string | null
          until: string | null
          requests: number
          rows_fetched: number
          snapshots_written: number
          snapshots_unchanged: number
          snapshots_quarantined: number
          activities_fetched: number
          cards_created: number
          cards_already_imported: number
          throttle_pauses: number
          throttle_wait_ms: number
          retries: number
          async_reports: number
          skipped: Json
          error: string | null
          started_at: string
          finished_at: string | null
          created_by: string | null
        }
        Insert: {
          id?: string
          workspace_id: string
          connection_id?: string | null
          campaign_ids?: string[]
          trigger: "manual" | "schedule" | "connect" | "cli"
          status?: "running" | "succeeded" | "partial" | "failed"
          stage?: string | null
          progress?: number
          since?: string | null
          until?: string | null
          requests?: number
          rows_fetched?: number
          snapshots_written?: number
          snapshots_unchanged?: number
          snapshots_quarantined?: number
          activities_fetched?: number
          cards_created?: number
          cards_already_imported?: number
          throttle_pauses?: number
          throttle_wait_ms?: number
          retries?: number
          async_reports?: number
          skipped?: Json
          error?: string | null
          started_at?: string
          finished_at?: string | null
          created_by?: string | null
        }
        Update: {
          id?: string
          workspace_id?: string
          connection_id?: string | null
          campaign_ids?: string[]
          trigger?: "manual" | "schedule" | "connect" | "cli"
          status?: "running" | "succeeded" | "partial" | "failed"
          stage?: string | null
          progress?: number
          since?: string | null
          until?: string | null
          requests?: number
          rows_fetched?: number
          snapshots_written?: number
          snapshots_unchanged?: number
          snapshots_quarantined?: number
          activities_fetched?: number
          cards_created?: number
          cards_already_imported?: number
          throttle_pauses?: number
          throttle_wait_ms?: number
          retries?: number
          async_reports?: number
          skipped?: Json
          error?: string | null
          started_at?: string
          finished_at?: string | null
          created_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "meta_sync_runs_connection_id_fkey"
            columns: ["connection_id"]
            isOneToOne: false
            referencedRelation: "meta_connections"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "meta_sync_runs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      performance_snapshots: {
        Row: {
          id: string
          workspace_id: string
          campaign_id: string
          date: string
          sales: number | null
          revenue: number | null
          spend: number | null
          roas: number | null
          cpa: number | null
          impressions: number | null
          clicks: number | null
          conversions: number | null
          engagement: number | null
          data_source: string
          snapshot_time: string
          created_at: string
          reach: number | null
          link_clicks: number | null
          leads: number | null
          add_to_carts: number | null
          ctr: number | null
          cpm: number | null
          updated_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          campaign_id: string
          date: string
          sales?: number | null
          revenue?: number | null
          spend?: number | null
          roas?: number | null
          cpa?: number | null
          impressions?: number | null
          clicks?: number | null
          conversions?: number | null
          engagement?: number | null
          data_source?: string
          snapshot_time?: string
          created_at?: string
          reach?: number | null
          link_clicks?: number | null
          leads?: number | null
          add_to_carts?: number | null
          ctr?: number | null
          cpm?: number | null
          updated_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          campaign_id?: string
          date?: string
          sales?: number | null
          revenue?: number | null
          spend?: number | null
          roas?: number | null
          cpa?: number | null
          impressions?: number | null
          clicks?: number | null
          conversions?: number | null
          engagement?: number | null
          data_source?: string
          snapshot_time?: string
          created_at?: string
          reach?: number | null
          link_clicks?: number | null
          leads?: number | null
          add_to_carts?: number | null
          ctr?: number | null
          cpm?: number | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "performance_snapshots_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "performance_snapshots_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          id: string
          email: string | null
          full_name: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id: string
          email?: string | null
          full_name?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          email?: string | null
          full_name?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: []
      }
      promo_codes: {
        Row: {
          id: string
          workspace_id: string
          campaign_id: string
          code: string
          description: string | null
          active: boolean
          created_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          campaign_id: string
          code: string
          description?: string | null
          active?: boolean
          created_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          campaign_id?: string
          code?: string
          description?: string | null
          active?: boolean
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "promo_codes_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promo_codes_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      quarantined_snapshots: {
        Row: {
          id: string
          workspace_id: string
          campaign_id: string
          date: string
          data_source: string
          metrics: Json
          reasons: Json
          status: "open" | "fixed" | "discarded" | "superseded"
          run_id: string | null
          created_by: string | null
          resolved_by: string | null
          resolved_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          campaign_id: string
          date: string
          data_source: string
          metrics: Json
          reasons: Json
          status?: "open" | "fixed" | "discarded" | "superseded"
          run_id?: string | null
          created_by?: string | null
          resolved_by?: string | null
          resolved_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          campaign_id?: string
          date?: string
          data_source?: string
          metrics?: Json
          reasons?: Json
          status?: "open" | "fixed" | "discarded" | "superseded"
          run_id?: string | null
          created_by?: string | null
          resolved_by?: string | null
          resolved_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "quarantined_snapshots_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "quarantined_snapshots_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      recommendation_decisions: {
        Row: {
          id: string
          workspace_id: string
          recommendation_id: string
          decision: "accepted" | "rejected" | "rolled_back"
          note: string | null
          outcome: Json
          decided_by: string | null
          decided_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          recommendation_id: string
          decision: "accepted" | "rejected" | "rolled_back"
          note?: string | null
          outcome?: Json
          decided_by?: string | null
          decided_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          recommendation_id?: string
          decision?: "accepted" | "rejected" | "rolled_back"
          note?: string | null
          outcome?: Json
          decided_by?: string | null
          decided_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "recommendation_decisions_recommendation_id_fkey"
            columns: ["recommendation_id"]
            isOneToOne: false
            referencedRelation: "recommendations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "recommendation_decisions_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      recommendations: {
        Row: {
          id: string
          workspace_id: string
          campaign_id: string | null
          kind: "budget_reallocation" | "extend_phase" | "reduce_assets" | "parallelize_approvals" | "revert_change" | "fix_tracking" | "shift_launch" | "other"
          title: string
          rationale: string | null
          payload: Json
          score: number | null
          status: "open" | "accepted" | "rejected" | "rolled_back"
          source: "rules" | "llm"
          recommendation_key: string
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          campaign_id?: string | null
          kind: "budget_reallocation" | "extend_phase" | "reduce_assets" | "parallelize_approvals" | "revert_change" | "fix_tracking" | "shift_launch" | "other"
          title: string
          rationale?: string | null
          payload?: Json
          score?: number | null
          status?: "open" | "accepted" | "rejected" | "rolled_back"
          source?: "rules" | "llm"
          recommendation_key: string
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          campaign_id?: string | null
          kind?: "budget_reallocation" | "extend_phase" | "reduce_assets" | "parallelize_approvals" | "revert_change" | "fix_tracking" | "shift_launch" | "other"
          title?: string
          rationale?: string | null
          payload?: Json
          score?: number | null
          status?: "open" | "accepted" | "rejected" | "rolled_back"
          source?: "rules" | "llm"
          recommendation_key?: string
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "recommendations_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "recommendations_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      tracking_events: {
        Row: {
          id: string
          workspace_id: string
          campaign_id: string | null
          event_id: string
          event_type: "Purchase" | "AddToCart" | "ViewContent" | "Lead" | "InitiateCheckout" | "PageView" | "CompleteRegistration"
          event_time: string
          value: number | null
          currency: string | null
          source: "pixel" | "website" | "promo_code"
          promo_code: string | null
          schema_version: number
          metadata: Json
          created_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          campaign_id?: string | null
          event_id: string
          event_type: "Purchase" | "AddToCart" | "ViewContent" | "Lead" | "InitiateCheckout" | "PageView" | "CompleteRegistration"
          event_time: string
          value?: number | null
          currency?: string | null
          source: "pixel" | "website" | "promo_code"
          promo_code?: string | null
          schema_version?: number
          metadata?: Json
          created_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          campaign_id?: string | null
          event_id?: string
          event_type?: "Purchase" | "AddToCart" | "ViewContent" | "Lead" | "InitiateCheckout" | "PageView" | "CompleteRegistration"
          event_time?: string
          value?: number | null
          currency?: string | null
          source?: "pixel" | "website" | "promo_code"
          promo_code?: string | null
          schema_version?: number
          metadata?: Json
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "tracking_events_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tracking_events_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      website_rollup_runs: {
        Row: {
          id: string
          workspace_id: string
          trigger: "ingest" | "schedule" | "manual"
          status: "running" | "succeeded" | "failed"
          days: string[]
          rows_written: number
          rows_unchanged: number
          rows_quarantined: number
          unattributed: number
          other_currency: number
          error: string | null
          started_at: string
          finished_at: string | null
          created_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          trigger: "ingest" | "schedule" | "manual"
          status?: "running" | "succeeded" | "failed"
          days?: string[]
          rows_written?: number
          rows_unchanged?: number
          rows_quarantined?: number
          unattributed?: number
          other_currency?: number
          error?: string | null
          started_at?: string
          finished_at?: string | null
          created_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          trigger?: "ingest" | "schedule" | "manual"
          status?: "running" | "succeeded" | "failed"
          days?: string[]
          rows_written?: number
          rows_unchanged?: number
          rows_quarantined?: number
          unattributed?: number
          other_currency?: number
          error?: string | null
          started_at?: string
          finished_at?: string | null
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "website_rollup_runs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      workspace_invitations: {
        Row: {
          id: string
          workspace_id: string
          email: string
          role: "admin" | "ops_head" | "marketer" | "viewer"
          status: "pending" | "accepted" | "declined"
          invited_by: string | null
          created_at: string
          expires_at: string
          responded_at: string | null
        }
        Insert: {
          id?: string
          workspace_id: string
          email: string
          role: "admin" | "ops_head" | "marketer" | "viewer"
          status?: "pending" | "accepted" | "declined"
          invited_by?: string | null
          created_at?: string
          expires_at?: string
          responded_at?: string | null
        }
        Update: {
          id?: string
          workspace_id?: string
          email?: string
          role?: "admin" | "ops_head" | "marketer" | "viewer"
          status?: "pending" | "accepted" | "declined"
          invited_by?: string | null
          created_at?: string
          expires_at?: string
          responded_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "workspace_invitations_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      workspace_members: {
        Row: {
          id: string
          workspace_id: string
          user_id: string
          role: "admin" | "ops_head" | "marketer" | "viewer"
          created_at: string
        }
        Insert: {
          id?: string
          workspace_id: string
          user_id: string
          role: "admin" | "ops_head" | "marketer" | "viewer"
          created_at?: string
        }
        Update: {
          id?: string
          workspace_id?: string
          user_id?: string
          role?: "admin" | "ops_head" | "marketer" | "viewer"
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "workspace_members_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      workspaces: {
        Row: {
          id: string
          name: string
          settings: Json
          created_by: string | null
          created_at: string
          updated_at: string
          time_zone: string
          attribution_model: "first_touch" | "last_touch" | "linear" | "time_decay" | "position_based"
        }
        Insert: {
          id?: string
          name: string
          settings?: Json
          created_by?: string | null
          created_at?: string
          updated_at?: string
          time_zone?: string
          attribution_model?: "first_touch" | "last_touch" | "linear" | "time_decay" | "position_based"
        }
        Update: {
          id?: string
          name?: string
          settings?: Json
          created_by?: string | null
          created_at?: string
          updated_at?: string
          time_zone?: string
          attribution_model?: "first_touch" | "last_touch" | "linear" | "time_decay" | "position_based"
        }
        Relationships: []
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      accept_workspace_invitation: {
        Args: {
          p_invitation_id: string
        }
        Returns: {
          id: string
          workspace_id: string
          user_id: string
          role: "admin" | "ops_head" | "marketer" | "viewer"
          created_at: string
        }
      }
      create_ingest_key: {
        Args: {
          p_workspace_id: string
          p_label: string
        }
        Returns: Json
      }
      current_user_confirmed_email: {
        Args: never
        Returns: string
      }
      decide_recommendation: {
        Args: {
          p_recommendation_id: string
          p_decision: string
          p_note?: string
        }
        Returns: {
          id: string
          workspace_id: string
          recommendation_id: string
          decision: "accepted" | "rejected" | "rolled_back"
          note: string | null
          outcome: Json
          decided_by: string | null
          decided_at: string
        }
      }
      decline_workspace_invitation: {
        Args: {
          p_invitation_id: string
        }
        Returns: {
          id: string
          workspace_id: string
          email: string
          role: "admin" | "ops_head" | "marketer" | "viewer"
          status: "pending" | "accepted" | "declined"
          invited_by: string | null
          created_at: string
          expires_at: string
          responded_at: string | null
        }
      }
      flag_meta_connection: {
        Args: {
          p_connection_id: string
          p_status: string
          p_reason: string
        }
        Returns: undefined
      }
      has_workspace_role: {
        Args: {
          ws: string
          roles: string[]
        }
        Returns: boolean
      }
      ingest_tracking_events: {
        Args: {
          p_key_hash: string
          p_events: Json
        }
        Returns: Json
      }
      invite_workspace_member: {
        Args: {
          p_workspace_id: string
          p_email: string
          p_role: string
        }
        Returns: {
          id: string
          workspace_id: string
          email: string
          role: "admin" | "ops_head" | "marketer" | "viewer"
          status: "pending" | "accepted" | "declined"
          invited_by: string | null
          created_at: string
          expires_at: string
          responded_at: string | null
        }
      }
      is_client_write: {
        Args: never
        Returns: boolean
      }
      is_time_zone: {
        Args: {
          tz: string
        }
        Returns: boolean
      }
      is_workspace_member: {
        Args: {
          ws: string
        }
        Returns: boolean
      }
      link_revert_card: {
        Args: {
          p_original_id: string
          p_reverting_id: string
        }
        Returns: {
          id: string
          workspace_id: string
          campaign_id: string
          action_type: "creative_change" | "budget_adjustment" | "audience_targeting" | "ad_copy_update" | "posting_schedule_change" | "bidding_change" | "pause_ads" | "duplicate_ad_set" | "other"
          title: string
          description: string | null
          occurred_at: string
          metadata: Json
          status: "planned" | "in_progress" | "completed" | "reverted"
          impact: "positive" | "negative" | "neutral"
          completed_at: string | null
          reverts_action_id: string | null
          created_by: string | null
          created_at: string
          updated_at: string
          position: string
          source: "manual" | "meta"
          external_id: string | null
          external_url: string | null
          actor_name: string | null
        }
      }
      log_phase_execution: {
        Args: {
          p_phase_id: string
          p_patch: Json
        }
        Returns: {
          id: string
          workspace_id: string
          campaign_id: string
          name: string
          position: number
          planned_start: string | null
          planned_days: number
          actual_start: string | null
          actual_end: string | null
          required_assets: number
          delivered_assets: number
          approvals_planned: number
          approvals_actual: number
          teams: string[]
          tools: string[]
          notes: string | null
          created_at: string
          updated_at: string
        }
      }
      member_workspace_ids: {
        Args: never
        Returns: string[]
      }
      meta_connection_token: {
        Args: {
          p_connection_id: string
        }
        Returns: string
      }
      move_action_card: {
        Args: {
          p_action_id: string
          p_status: string
          p_before_id?: string
        }
        Returns: {
          id: string
          workspace_id: string
          campaign_id: string
          action_type: "creative_change" | "budget_adjustment" | "audience_targeting" | "ad_copy_update" | "posting_schedule_change" | "bidding_change" | "pause_ads" | "duplicate_ad_set" | "other"
          title: string
          description: string | null
          occurred_at: string
          metadata: Json
          status: "planned" | "in_progress" | "completed" | "reverted"
          impact: "positive" | "negative" | "neutral"
          completed_at: string | null
          reverts_action_id: string | null
          created_by: string | null
          created_at: string
          updated_at: string
          position: string
          source: "manual" | "meta"
          external_id: string | null
          external_url: string | null
          actor_name: string | null
        }
      }
      my_workspace_invitations: {
        Args: never
        Returns: Json
      }
      own_pending_invitation: {
        Args: {
          p_invitation_id: string
        }
        Returns: {
          id: string
          workspace_id: string
          email: string
          role: "admin" | "ops_head" | "marketer" | "viewer"
          status: "pending" | "accepted" | "declined"
          invited_by: string | null
          created_at: string
          expires_at: string
          responded_at: string | null
        }
      }
      realtime_topic_workspace: {
        Args: {
          p_topic: string
        }
        Returns: string
      }
      replace_campaign_phases: {
        Args: {
          p_campaign_id: string
          p_phases: Json
        }
        Returns: {
          id: string
          workspace_id: string
          campaign_id: string
          name: string
          position: number
          planned_start: string | null
          planned_days: number
          actual_start: string | null
          actual_end: string | null
          required_assets: number
          delivered_assets: number
          approvals_planned: number
          approvals_actual: number
          teams: string[]
          tools: string[]
          notes: string | null
          created_at: string
          updated_at: string
        }[]
      }
      revert_action_card: {
        Args: {
          p_action_id: string
        }
        Returns: {
          id: string
          workspace_id: string
          campaign_id: string
          action_type: "creative_change" | "budget_adjustment" | "audience_targeting" | "ad_copy_update" | "posting_schedule_change" | "bidding_change" | "pause_ads" | "duplicate_ad_set" | "other"
          title: string
          description: string | null
          occurred_at: string
          metadata: Json
          status: "planned" | "in_progress" | "completed" | "reverted"
          impact: "positive" | "negative" | "neutral"
          completed_at: string | null
          reverts_action_id: string | null
          created_by: string | null
          created_at: string
          updated_at: string
          position: string
          source: "manual" | "meta"
          external_id: string | null
          external_url: string | null
          actor_name: string | null
        }
      }
      revert_alert_action: {
        Args: {
          p_alert_id: string
        }
        Returns: {
          id: string
          workspace_id: string
          campaign_id: string
          action_type: "creative_change" | "budget_adjustment" | "audience_targeting" | "ad_copy_update" | "posting_schedule_change" | "bidding_change" | "pause_ads" | "duplicate_ad_set" | "other"
          title: string
          description: string | null
          occurred_at: string
          metadata: Json
          status: "planned" | "in_progress" | "completed" | "reverted"
          impact: "positive" | "negative" | "neutral"
          completed_at: string | null
          reverts_action_id: string | null
          created_by: string | null
          created_at: string
          updated_at: string
          position: string
          source: "manual" | "meta"
          external_id: string | null
          external_url: string | null
          actor_name: string | null
        }
      }
      revoke_meta_connection: {
        Args: {
          p_connection_id: string
        }
        Returns: {
          id: string
          workspace_id: string
          ad_account_id: string
          account_name: string | null
          currency: string | null
          timezone_name: string | null
          kind: "system_user_token" | "oauth" | "sandbox"
          status: "active" | "needs_reconnect" | "revoked"
          status_reason: string | null
          token_hint: string | null
          token_expires_at: string | null
          connected_by: string | null
          connected_at: string
          last_sync_at: string | null
          last_sync_status: "running" | "succeeded" | "partial" | "failed" | null
          activities_synced_until: string | null
          created_at: string
          updated_at: string
        }
      }
      save_meta_connection: {
        Args: {
          p_workspace_id: string
          p_ad_account_id: string
          p_kind: string
          p_access_token: string
          p_account_name: string
          p_currency: string
          p_timezone_name: string
          p_token_expires_at: string
          p_connected_by: string
        }
        Returns: {
          id: string
          workspace_id: string
          ad_account_id: string
          account_name: string | null
          currency: string | null
          timezone_name: string | null
          kind: "system_user_token" | "oauth" | "sandbox"
          status: "active" | "needs_reconnect" | "revoked"
          status_reason: string | null
          token_hint: string | null
          token_expires_at: string | null
          connected_by: string | null
          connected_at: string
          last_sync_at: string | null
          last_sync_status: "running" | "succeeded" | "partial" | "failed" | null
          activities_synced_until: string | null
          created_at: string
          updated_at: string
        }
      }
      set_decision_gate: {
        Args: {
          p_assessment_id: string
          p_decision: string
          p_note?: string
        }
        Returns: {
          id: string
          workspace_id: string
          name: string
          objective: "sales" | "leads" | "awareness"
          industry: string | null
          budget: number | null
          currency: string
          audience: Json
          platform: "meta" | "google" | "tiktok" | "multi"
          ad_link: string | null
          meta_pixel_id: string | null
          ads_account_id: string | null
          website_tracking: boolean
          promo_tracking: boolean
          keywords: string[]
          primary_kpi: "sales" | "roas" | "cpa" | "engagement" | null
          kpi_target: number | null
          kpi_window_days: number | null
          planned_launch: string | null
          peak_start: string | null
          peak_end: string | null
          status: "draft" | "planned" | "active" | "completed" | "paused"
          decision: "proceed" | "adjust" | "pause" | null
          decision_note: string | null
          decided_by: string | null
          decided_at: string | null
          created_by: string | null
          created_at: string
          updated_at: string
          meta_campaign_ids: string[]
          meta_adset_ids: string[]
          meta_ad_ids: string[]
          utm_campaign: string | null
        }
      }
      shares_workspace_with: {
        Args: {
          other_user: string
        }
        Returns: boolean
      }
    }
    Enums: {
      [_ in never]: never
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {},
  },
} as const
